namespace KubeRaya.Conformance.Reference.Network;

/// <summary>
/// Records, at a fixed root-only path (<c>/run/kuberaya-reference</c>, cleared on reboot like the namespaces), which
/// process owns each platform instance and where its temp directory is. The record is written before anything of
/// the instance exists and removed after everything is gone, so an instance without a live owner is an orphan.
/// </summary>
public static class InstanceRegistry
{
    /// <summary>Where the records live.</summary>
    public const string RootPath = "/run/kuberaya-reference";

    /// <summary>One instance's record.</summary>
    /// <param name="Id">The platform id.</param>
    /// <param name="Owner">The owning process.</param>
    /// <param name="Directory">The instance's temp directory.</param>
    public sealed record Entry(string Id, ProcessOwner Owner, string Directory);

    /// <summary>Records that <paramref name="owner"/> owns instance <paramref name="id"/> with its temp directory.</summary>
    public static void Register(string id, ProcessOwner owner, string directory)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The reference platform needs Linux.");
        System.IO.Directory.CreateDirectory(RootPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        PlatformDirectory.WritePrivateFile(PathOf(id), owner.Serialize() + "\n" + directory + "\n");
    }

    /// <summary>The record of an instance, or null when there is none (or it is unreadable).</summary>
    public static Entry? Read(string id)
    {
        try
        {
            var lines = File.ReadAllLines(PathOf(id));
            var owner = lines.Length >= 2 ? ProcessOwner.Parse(lines[0]) : null;
            return owner is null ? null : new Entry(id, owner, lines[1]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Removes the record of an instance. Idempotent.</summary>
    public static void Remove(string id) => File.Delete(PathOf(id));

    /// <summary>The ids that have a record.</summary>
    public static IReadOnlyList<string> Ids() =>
        System.IO.Directory.Exists(RootPath)
            ? [.. System.IO.Directory.EnumerateFiles(RootPath, PlatformNetwork.NamePrefix + "*.owner")
                .Select(p => PlatformNetwork.IdOf(Path.GetFileNameWithoutExtension(p)))
                .OfType<string>()]
            : [];

    private static string PathOf(string id) => Path.Combine(RootPath, PlatformNetwork.NamePrefix + id + ".owner");
}
