namespace KubeRaya.Conformance.Cli;

/// <summary>Writes files that hold credentials (kubeconfigs) readable by the owner only (0600) from their creation on.</summary>
public static class PrivateFile
{
    /// <summary>Creates or replaces <paramref name="path"/> with <paramref name="content"/>, mode 0600; returns the path.</summary>
    public static string Write(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = ownerOnly;
        using (var stream = new FileStream(path, options)) stream.Write(content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, ownerOnly);
        return path;
    }
}
