namespace KubeRaya.Conformance.Pki;

/// <summary>
/// A certificate chain file and its private key file on disk, both mode 0600, for tools that read
/// files (nginx, openssl). Disposing deletes both. Idempotent.
/// </summary>
public sealed class KeyFiles : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private KeyFiles(string certificatePath, string keyPath)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
    }

    /// <summary>The PEM chain, leaf first.</summary>
    public string CertificatePath { get; }

    /// <summary>The PKCS#8 PEM private key.</summary>
    public string KeyPath { get; }

    internal static KeyFiles Write(string directory, string certificatePem, string keyPem)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(Path.GetFullPath(directory), "leaf-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal));
        var files = new KeyFiles(stem + ".crt", stem + ".key");
        try
        {
            WriteOwnerOnly(files.CertificatePath, certificatePem);
            WriteOwnerOnly(files.KeyPath, keyPem);
        }
        catch
        {
            files.Dispose();
            throw;
        }
        return files;
    }

    /// <summary>Deletes both files; files already gone are fine.</summary>
    public void Dispose()
    {
        File.Delete(CertificatePath);
        File.Delete(KeyPath);
    }

    /// <summary>Creates the file 0600 from the start (never readable by others, not even briefly), then writes it.</summary>
    private static void WriteOwnerOnly(string path, string contents)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Key files are written with Unix mode 0600; this harness runs on Linux.");
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly };
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(contents);
        }
        File.SetUnixFileMode(path, OwnerOnly);
    }
}
