namespace KubeRaya.Conformance.Checks;

/// <summary>
/// Where one run keeps its observations: <c>evidence/hosts/&lt;host&gt;-&lt;kind&gt;.json</c> in the report
/// directory (laid out by <see cref="Reporting.EvidenceFiles"/>). Observations are per host, not per control,
/// because one observation (a handshake, say) is evidence for several controls.
/// </summary>
public sealed class EvidenceFiles(string reportDirectory)
{
    private const string Folder = "hosts";

    /// <summary>The report directory.</summary>
    public string ReportDirectory { get; } = reportDirectory;

    /// <summary>Writes one evidence object and returns its path relative to the report directory.</summary>
    public string Write<T>(string host, string kind, T evidence) =>
        Reporting.EvidenceFiles.Write(ReportDirectory, Folder, host, kind, evidence);

    /// <summary>A fresh path for a binary artefact (e.g. a screenshot), relative and absolute.</summary>
    public (string Relative, string Full) PathFor(string host, string kind, string extension)
    {
        var relative = Reporting.EvidenceFiles.PathFor(ReportDirectory, Folder, host, kind, extension);
        var full = Path.Combine(ReportDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (relative, full);
    }
}
