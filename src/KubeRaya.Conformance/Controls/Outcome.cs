namespace KubeRaya.Conformance.Controls;

/// <summary>The outcome of one control on one host.</summary>
public enum Outcome
{
    /// <summary>The evidence satisfies the control.</summary>
    Passed,
    /// <summary>The evidence contradicts the control; expected and observed say how.</summary>
    Failed,
    /// <summary>Not applicable in this mode, or an unsupported extended feature; the reason says which.</summary>
    Skipped,
    /// <summary>The harness could not decide. Never counted as passed.</summary>
    Error,
}
