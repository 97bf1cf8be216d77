using System.Text.Json;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>summary.json as an auditor's tool reads it: the run's outcome and one result per control per host.
/// Parsed from the JSON text, not with the product's own types, so that a change of the file's shape is noticed.</summary>
internal sealed record RunReport(string Outcome, IReadOnlyList<ReportedResult> Results)
{
    /// <summary>Reads <c>summary.json</c> from a report directory.</summary>
    public static RunReport Read(string reportDirectory)
    {
        var path = Path.Combine(reportDirectory, "summary.json");
        if (!File.Exists(path)) throw new InvalidOperationException($"the run wrote no {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var results = root.GetProperty("results").EnumerateArray()
            .Select(r => new ReportedResult(
                r.GetProperty("control").GetString()!,
                r.GetProperty("host").GetString()!,
                r.GetProperty("outcome").GetString()!,
                r.GetProperty("observed").GetString()!))
            .ToList();
        return new RunReport(root.GetProperty("outcome").GetString()!, results);
    }
}
