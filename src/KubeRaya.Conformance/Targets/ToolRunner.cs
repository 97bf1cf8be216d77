using System.Diagnostics;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Targets;

/// <summary>
/// Finds external tools on PATH and runs them without a shell, each command bounded by a named timeout and killed
/// with its children when the timeout passes or the run is cancelled.
/// </summary>
/// <param name="searchPath">The PATH to search; the process's PATH when null.</param>
public sealed class ToolRunner(string? searchPath = null)
{
    /// <summary>The full path of <paramref name="tool"/> on the search path, or null when it is not installed.</summary>
    public string? Locate(string tool)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        if (tool.Contains('/', StringComparison.Ordinal)) return File.Exists(tool) ? tool : null;
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
                return candidate;
        }
        return null;
    }

    /// <summary>Runs the command to its end, or kills it when <paramref name="timeout"/> passes (exit code -1, noted in <see cref="ToolResult.Error"/>).</summary>
    /// <exception cref="ClusterConnectionException">The tool is not installed (exit 3).</exception>
    public async Task<ToolResult> RunAsync(ToolCommand command, NamedTimeout timeout, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(timeout);
        var program = Locate(command.Tool)
            ?? throw new ClusterConnectionException($"'{command.Tool}' is not installed (not found on PATH), so this target cannot {command.Purpose}: install {command.Tool} (see README.md, 'Real clusters')", false);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Arguments) start.ArgumentList.Add(argument);
        if (searchPath is not null) start.Environment["PATH"] = searchPath;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new ClusterConnectionException($"'{command.Tool}' could not be started to {command.Purpose}", false);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout.Value);
        try
        {
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new ToolResult(command, -1, await output.ConfigureAwait(false), (await error.ConfigureAwait(false)) + $"\nkilled after the {timeout}");
        }
        return new ToolResult(command, process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>Runs the command and throws a one-line <see cref="ClusterConnectionException"/> (exit 3) unless it exits 0.</summary>
    public async Task<ToolResult> RunCheckedAsync(ToolCommand command, NamedTimeout timeout, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(command, timeout, cancellationToken, environment).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new ClusterConnectionException($"'{command.CommandLine}' failed to {command.Purpose} (exit {result.ExitCode}): {result.LastLine}", false);
        return result;
    }
}
