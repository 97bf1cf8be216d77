using System.Text.Json;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// Writes a run's report bundle into its report directory, beside the evidence its scenarios left there:
/// <c>summary.json</c> (schema v1), <c>junit.xml</c>, <c>index.html</c> and, last, <c>manifest.json</c> over every file.
/// As a last guard the whole bundle is searched for private key material first; if any is found nothing is written
/// and <see cref="KeyMaterialFoundException"/> says where.
/// </summary>
public static class ReportWriter
{
    /// <summary>The summary's file name inside the bundle.</summary>
    public const string SummaryFileName = "summary.json";

    /// <summary>Writes the bundle.</summary>
    /// <param name="summary">The run's summary.</param>
    /// <param name="directory">The report directory (holding <c>evidence/</c> and the ledger already).</param>
    /// <param name="options">Features directory and the keys to search for.</param>
    /// <exception cref="KeyMaterialFoundException">Private key material is in the evidence or would be in the report.</exception>
    public static ReportBundle Write(RunSummary summary, string directory, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(directory);
        options ??= new ReportOptions();
        Directory.CreateDirectory(directory);

        var outputs = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [SummaryFileName] = JsonSerializer.SerializeToUtf8Bytes(summary, Runs.RunConfiguration.JsonOptions),
            [JUnitReport.FileName] = JUnitReport.Render(summary),
            [HtmlReport.FileName] = HtmlReport.Render(ReportViewBuilder.Build(summary, directory, FeatureScenarios.Load(options.FeaturesDirectory))),
        };

        var scanner = options.KeyMaterial ?? new KeyMaterialScanner();
        var findings = new List<KeyMaterialFinding>();
        foreach (var relative in BundleManifest.EnumerateFiles(directory, excludeManifest: true).Where(f => !outputs.ContainsKey(f)))
            findings.AddRange(scanner.Scan(relative, File.ReadAllBytes(Path.Combine(directory, relative))));
        foreach (var (name, bytes) in outputs)
            findings.AddRange(scanner.Scan(name, bytes));
        if (findings.Count > 0) throw new KeyMaterialFoundException(findings);

        foreach (var (name, bytes) in outputs)
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
        var manifest = BundleManifest.Create(directory);
        manifest.Save(directory);
        return new ReportBundle(directory, manifest.Digest, manifest.Files);
    }
}
