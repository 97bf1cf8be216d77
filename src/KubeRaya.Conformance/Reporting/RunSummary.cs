namespace KubeRaya.Conformance.Reporting;

/// <summary>The content of <c>summary.json</c>, schema version 1.</summary>
public sealed record RunSummary
{
    /// <summary>Always 1 for this shape.</summary>
    public int SchemaVersion { get; init; } = 1;
    /// <summary>The target kind: endpoint, reference, existing, kind, k3s, audit.</summary>
    public required string Target { get; init; }
    /// <summary>True when the target is a test double (the reference platform), not a cluster.</summary>
    public bool TestDouble { get; init; }
    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When the run finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }
    /// <summary>conformant, nonconformant or error.</summary>
    public required string Outcome { get; init; }
    /// <summary>What was tested, on what, by which harness.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    /// <summary>One result per control per host.</summary>
    public required IReadOnlyList<ResultRecord> Results { get; init; }
}
