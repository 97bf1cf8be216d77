using System.Text;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>
/// The private temp directory of one platform instance (<c>/tmp/kuberaya-ref-&lt;id&gt;</c>, mode 0700): nginx's
/// prefix, configuration and logs, TLS and htpasswd files (0600) and pod logs. Who owns it is recorded in the
/// <see cref="InstanceRegistry"/>, at a fixed path, not here (TMPDIR differs between processes).
/// </summary>
public sealed class PlatformDirectory
{
    /// <summary>The prefix of every platform directory name.</summary>
    public const string NamePrefix = "kuberaya-ref-";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = Private | UnixFileMode.UserExecute;

    private PlatformDirectory(string path) => Path = path;

    /// <summary>The absolute path.</summary>
    public string Path { get; }

    /// <summary>The directory for one platform id.</summary>
    public static string PathFor(string id) => System.IO.Path.Combine(System.IO.Path.GetTempPath(), NamePrefix + id);

    /// <summary>Creates the directory (0700).</summary>
    public static PlatformDirectory Create(string id)
    {
        var directory = new PlatformDirectory(PathFor(id));
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The reference platform needs Linux.");
        Directory.CreateDirectory(directory.Path, PrivateDirectory);
        return directory;
    }

    /// <summary>Creates (0700) and returns a subdirectory.</summary>
    public string Subdirectory(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The reference platform needs Linux.");
        Directory.CreateDirectory(path, PrivateDirectory);
        return path;
    }

    /// <summary>Writes a file readable by the owner only (0600), atomically (write aside, then rename).</summary>
    public string WriteFile(string relativePath, string content)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        WritePrivateFile(target, content);
        return target;
    }

    /// <summary>Writes a file readable by the owner only (0600) anywhere, atomically.</summary>
    internal static void WritePrivateFile(string target, string content)
    {
        var aside = target + ".tmp";
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The reference platform needs Linux.");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = Private };
        using (var stream = new FileStream(aside, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        File.Move(aside, target, overwrite: true);
    }

    /// <summary>Deletes a platform directory with everything in it, if it is one. Idempotent.</summary>
    public static void Delete(string path)
    {
        if (!System.IO.Path.GetFileName(path).StartsWith(NamePrefix, StringComparison.Ordinal)) return;
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}
