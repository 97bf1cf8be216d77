namespace KubeRaya.Conformance.Reporting;

/// <summary>The documented exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>Conformant.</summary>
    public const int Conformant = 0;
    /// <summary>Non-conformant: a core control failed.</summary>
    public const int Nonconformant = 1;
    /// <summary>Usage or configuration error.</summary>
    public const int Usage = 2;
    /// <summary>The run could not complete.</summary>
    public const int Incomplete = 3;
}
