namespace KubeRaya.Conformance.Calibration;

/// <summary>One line of <c>calibration.json</c>: a fault, the core controls it must fail, those that failed, and the verdict.</summary>
/// <param name="Fault">The fault's name; "baseline" for the run without any fault.</param>
/// <param name="Expected">The core controls that must fail, sorted.</param>
/// <param name="Failed">The core controls that failed or were left undecided in the run, sorted.</param>
/// <param name="Verdict">Caught, missed or overreached.</param>
public sealed record CalibrationResult(string Fault, IReadOnlyList<string> Expected, IReadOnlyList<string> Failed, CalibrationVerdict Verdict);
