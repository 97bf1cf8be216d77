namespace KubeRaya.Conformance.Calibration;

/// <summary>One calibration-only harness fault: its stable name on command lines and in calibration files, and what the harness does differently.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Name">Stable kebab-case name; every harness fault name starts with <see cref="HarnessFaultCatalogue.Prefix"/>.</param>
/// <param name="Effect">What the harness deploys differently, in words an auditor can check.</param>
public sealed record HarnessFaultInfo(HarnessFault Fault, string Name, string Effect);
