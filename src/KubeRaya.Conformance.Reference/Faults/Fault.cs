namespace KubeRaya.Conformance.Reference.Faults;

/// <summary>One calibration fault: its switch, its stable name, the controls it must break, and how it is applied.</summary>
/// <param name="Switch">The switch.</param>
/// <param name="Name">Stable kebab-case name used on command lines and in calibration files, e.g. <c>hsts-off</c>.</param>
/// <param name="Breaks">The control IDs (from the shared catalogue) that must fail, and only these, when the fault is on.</param>
/// <param name="AppliedBy">The part of the platform that applies it.</param>
/// <param name="Effect">What the platform does differently, in words an auditor can check.</param>
public sealed record Fault(FaultSwitch Switch, string Name, IReadOnlyList<string> Breaks, FaultApplier AppliedBy, string Effect);
