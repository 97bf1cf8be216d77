namespace KubeRaya.Conformance.Calibration;

/// <summary>A calibration fixture file is missing, unreadable or says something impossible; the message names the file.</summary>
public sealed class CalibrationFixtureException(string message, Exception? inner = null) : Exception(message, inner);
