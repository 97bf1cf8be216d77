using System.Text.Json;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Checks;

/// <summary>Writes evidence as JSON files under <c>evidence/</c> in the report directory.</summary>
public sealed class EvidenceFiles(string reportDirectory)
{
    /// <summary>The report directory.</summary>
    public string ReportDirectory { get; } = reportDirectory;

    /// <summary>Writes one evidence object and returns its path relative to the report directory.</summary>
    public string Write<T>(string subject, string kind, T evidence)
    {
        var relative = Path.Combine("evidence", Safe(subject), Safe(kind) + ".json");
        var full = Path.Combine(ReportDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, JsonSerializer.Serialize(evidence, RunConfiguration.JsonOptions));
        return relative.Replace('\\', '/');
    }

    /// <summary>A path for a binary artefact (e.g. a screenshot), relative and absolute.</summary>
    public (string Relative, string Full) PathFor(string subject, string fileName)
    {
        var relative = Path.Combine("evidence", Safe(subject), Safe(fileName));
        var full = Path.Combine(ReportDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (relative.Replace('\\', '/'), full);
    }

    private static string Safe(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}
