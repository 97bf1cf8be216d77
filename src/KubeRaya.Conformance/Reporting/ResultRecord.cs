using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Reporting;

/// <summary>One result as it appears in <c>summary.json</c>: a verdict plus the scenario that produced it.</summary>
public sealed record ResultRecord
{
    /// <summary>Control ID.</summary>
    public required string Control { get; init; }
    /// <summary>Host judged.</summary>
    public required string Host { get; init; }
    /// <summary>passed, failed, skipped or error.</summary>
    public required Outcome Outcome { get; init; }
    /// <summary>What the control requires.</summary>
    public required string Expected { get; init; }
    /// <summary>What was observed (or the reason for skipped and error).</summary>
    public required string Observed { get; init; }
    /// <summary>Title of the Gherkin scenario that produced it; empty for results the harness filled in.</summary>
    public string Scenario { get; init; } = "";
    /// <summary>For audit results: Kind/namespace/name.</summary>
    public string? Object { get; init; }
    /// <summary>For audit results from files: path:line.</summary>
    public string? Location { get; init; }
    /// <summary>Relative path of an evidence file in the bundle.</summary>
    public string? Evidence { get; init; }

    /// <summary>A record from a verdict.</summary>
    public static ResultRecord From(Verdict verdict, string scenario)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new ResultRecord
        {
            Control = verdict.Control,
            Host = verdict.Host,
            Outcome = verdict.Outcome,
            Expected = verdict.Expected,
            Observed = verdict.Observed,
            Scenario = scenario,
            Object = verdict.Object,
            Location = verdict.Location,
            Evidence = verdict.Evidence,
        };
    }
}
