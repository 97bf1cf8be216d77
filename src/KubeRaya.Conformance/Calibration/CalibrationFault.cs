namespace KubeRaya.Conformance.Calibration;

/// <summary>
/// One calibration fault as written in <c>fixtures/calibration/&lt;name&gt;.yaml</c>: the mistake it reproduces, the
/// guidance that mistake goes against, the fault switches a run needs to reproduce it, and the core controls that
/// must fail (and only those) when it is on.
/// </summary>
public sealed record CalibrationFault
{
    /// <summary>Stable name; the file is named after it.</summary>
    public required string Name { get; init; }
    /// <summary>Where the fault is made.</summary>
    public required CalibrationFaultKind Kind { get; init; }
    /// <summary>The words of the "Ingress &amp; TLS Security" guidance the mistake goes against, quoted.</summary>
    public required IReadOnlyList<string> Guidance { get; init; }
    /// <summary>The mistake, in words an auditor can check.</summary>
    public required string Mistake { get; init; }
    /// <summary>The fault names passed to the run's --fault option (platform faults and "app-" harness faults).</summary>
    public required IReadOnlyList<string> Switches { get; init; }
    /// <summary>The core control IDs that must fail.</summary>
    public required IReadOnlyList<string> Expected { get; init; }
    /// <summary>Why each expected control beyond the one the mistake targets fails too; null when there is none.</summary>
    public string? Collateral { get; init; }
}
