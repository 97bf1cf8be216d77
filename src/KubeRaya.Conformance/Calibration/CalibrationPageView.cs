namespace KubeRaya.Conformance.Calibration;

/// <summary>What <c>calibration.html</c> shows: when, how long, and one row per fault.</summary>
public sealed record CalibrationPageView
{
    /// <summary>When the calibration finished (UTC, ISO 8601).</summary>
    public required string FinishedAt { get; init; }
    /// <summary>Wall time of the whole calibration, e.g. "241 s".</summary>
    public required string WallTime { get; init; }
    /// <summary>"all faults caught" or how many were not.</summary>
    public required string Outcome { get; init; }
    /// <summary>CSS class of the outcome (o-conformant or o-nonconformant).</summary>
    public required string OutcomeClass { get; init; }
    /// <summary>The baseline, then every fault.</summary>
    public required IReadOnlyList<CalibrationRowView> Rows { get; init; }
}

/// <summary>One fault on the calibration page.</summary>
public sealed record CalibrationRowView
{
    /// <summary>The fault's name.</summary>
    public required string Fault { get; init; }
    /// <summary>platform, certificate, object or baseline.</summary>
    public required string Kind { get; init; }
    /// <summary>The mistake reproduced.</summary>
    public required string Mistake { get; init; }
    /// <summary>The guidance quoted, joined.</summary>
    public required string Guidance { get; init; }
    /// <summary>The --fault switches, joined.</summary>
    public required string Switches { get; init; }
    /// <summary>Expected failing controls, joined.</summary>
    public required string Expected { get; init; }
    /// <summary>Controls that failed, joined.</summary>
    public required string Failed { get; init; }
    /// <summary>Why collateral controls fail too; empty when none.</summary>
    public required string Collateral { get; init; }
    /// <summary>caught, missed or overreached.</summary>
    public required string Verdict { get; init; }
    /// <summary>CSS class of the verdict.</summary>
    public required string VerdictClass { get; init; }
    /// <summary>Relative link to the run's report, e.g. "hsts-off/index.html"; empty when the run wrote none.</summary>
    public required string Report { get; init; }
}
