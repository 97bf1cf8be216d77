namespace KubeRaya.Conformance.Calibration;

/// <summary>Where a calibration fault is made.</summary>
public enum CalibrationFaultKind
{
    /// <summary>The reference platform misbehaves (a switch of its fault catalogue).</summary>
    Platform,

    /// <summary>The harness deploys apps with a broken certificate or Secret (a harness fault).</summary>
    Certificate,

    /// <summary>The harness puts a broken object beside each scenario's app (a harness fault).</summary>
    Object,
}
