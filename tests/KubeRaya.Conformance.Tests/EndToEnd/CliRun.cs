namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>What one process of the command line did: its exit code, what it wrote, and how long it took.</summary>
internal sealed record CliRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>The non-empty lines written to standard error.</summary>
    public IReadOnlyList<string> ErrorLines =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Everything the process wrote, for failure messages.</summary>
    public string Transcript =>
        $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
