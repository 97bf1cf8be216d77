namespace KubeRaya.Conformance.Targets;

/// <summary>One command of an external tool (kind, kubectl, helm, docker) a cluster target runs, with why it runs.</summary>
/// <param name="Tool">The program, looked up on PATH.</param>
/// <param name="Arguments">Its arguments, passed as they are (no shell).</param>
/// <param name="Purpose">What the command is for, in a few words, for -WhatIf and for failure lines.</param>
public sealed record ToolCommand(string Tool, IReadOnlyList<string> Arguments, string Purpose)
{
    /// <summary>The command as a person would type it, arguments with spaces or quotes single-quoted.</summary>
    public string CommandLine => string.Join(' ', new[] { Tool }.Concat(Arguments).Select(Quote));

    /// <inheritdoc />
    public override string ToString() => CommandLine;

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=@,+%".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
