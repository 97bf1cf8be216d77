namespace KubeRaya.Conformance.Reference.Network;

/// <summary>What a finished local command reported.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CommandResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>True when the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws, quoting the command and its error output, unless it succeeded.</summary>
    public CommandResult EnsureSuccess() =>
        Succeeded ? this : throw new InvalidOperationException($"'{Command}' exited with {ExitCode}: {Error.Trim()} {Output.Trim()}".Trim());
}
