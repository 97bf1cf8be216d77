namespace KubeRaya.Conformance.Reporting;

/// <summary>The verdict on a whole run, and the exit code that carries it.</summary>
public enum RunOutcome
{
    /// <summary>Every core control passed or was not applicable. Exit code 0.</summary>
    Conformant = 0,
    /// <summary>At least one core control failed. Exit code 1.</summary>
    Nonconformant = 1,
    /// <summary>The harness could not decide at least one core control, and none failed. Exit code 3.</summary>
    Error = 3,
}
