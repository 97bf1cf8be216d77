namespace KubeRaya.Conformance.Reporting;

/// <summary>Whether a report bundle is as it was written, and if not, what differs.</summary>
/// <param name="Directory">The bundle checked.</param>
/// <param name="Changed">Files whose size or content differ from the manifest (manifest.json itself when it is not as written).</param>
/// <param name="Missing">Files the manifest lists that are gone (manifest.json when there is none).</param>
/// <param name="Unexpected">Files present that the manifest does not list.</param>
/// <param name="Problems">What was wrong, in words.</param>
/// <param name="Digest">The manifest's digest of the file list, when a manifest could be read.</param>
public sealed record ReportVerification(
    string Directory,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unexpected,
    IReadOnlyList<string> Problems,
    string? Digest)
{
    /// <summary>True when every listed file is present and unchanged, nothing was added, and the manifest is as written.</summary>
    public bool Intact => Changed.Count == 0 && Missing.Count == 0 && Unexpected.Count == 0 && Problems.Count == 0;

    /// <summary>0 when intact, 1 when altered.</summary>
    public int ExitCode => Intact ? 0 : 1;

    /// <summary>The result in words, one fact per line.</summary>
    public string Describe()
    {
        if (Intact) return $"intact: {Directory} matches its manifest (digest {Digest})";
        var lines = new List<string> { $"altered: {Directory} does not match its manifest" };
        lines.AddRange(Problems.Select(p => "  " + p));
        lines.AddRange(Changed.Select(f => "  changed: " + f));
        lines.AddRange(Missing.Select(f => "  missing: " + f));
        lines.AddRange(Unexpected.Select(f => "  unexpected: " + f));
        return string.Join(Environment.NewLine, lines);
    }
}
