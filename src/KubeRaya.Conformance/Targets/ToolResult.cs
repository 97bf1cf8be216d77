namespace KubeRaya.Conformance.Targets;

/// <summary>How an external tool command ended.</summary>
/// <param name="Command">The command.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">What it wrote to standard output.</param>
/// <param name="Error">What it wrote to standard error.</param>
public sealed record ToolResult(ToolCommand Command, int ExitCode, string Output, string Error)
{
    /// <summary>True when the command exited 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last non-empty line of standard error (or output), for a one-line failure message.</summary>
    public string LastLine =>
        (Error + "\n" + Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
