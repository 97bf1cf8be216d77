namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>A private temporary directory, deleted with everything in it on disposal.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates one.</summary>
    public TemporaryDirectory() => Path = Directory.CreateTempSubdirectory("kr-audit-test-").FullName;

    /// <summary>Its full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
