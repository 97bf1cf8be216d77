using System.Diagnostics;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// Runs a child process with its output and error streams read line by line (one line at a time to the callback,
/// whichever stream it came from) and stops it when the run is cancelled.
/// </summary>
public static class ChildProcess
{
    /// <summary>Starts <paramref name="start"/> and returns its exit code; on cancellation calls <paramref name="stop"/>, then rethrows.</summary>
    /// <param name="start">What to run; its streams are redirected here.</param>
    /// <param name="line">Receives each line of output, never two at once.</param>
    /// <param name="stop">Ends the process when the run is cancelled.</param>
    /// <param name="what">The process in words, for the message when it cannot start.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<int> RunAsync(ProcessStartInfo start, Action<string> line, Func<Process, Task> stop, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(stop);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new IncompleteRunException($"could not start {what}");
        var gate = new object();
        void Line(string? text)
        {
            if (text is null) return;
            lock (gate) line(text);
        }

        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stop(process).ConfigureAwait(false);
            throw;
        }
        return process.ExitCode;
    }

    /// <summary>Kills the process and every process it started, and waits for it to end.</summary>
    public static async Task KillTreeAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
