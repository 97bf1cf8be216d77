using System.Diagnostics;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>
/// A long-running process started inside a network namespace as the leader of its own session and process group
/// (<c>sh -c 'exec "$@" &gt;&gt;log 2&gt;&amp;1' sh setsid ip netns exec &lt;ns&gt; …</c>; each step execs in place, so the pid
/// is the program's), writing standard output and error straight to a log file. Stopping signals the whole group,
/// so children (nginx workers) go too; being in its own session, it gets no SIGINT from the terminal.
/// </summary>
public sealed class NamespaceProcess : IAsyncDisposable
{
    private const string Redirect = "exec \"$@\" >>\"$KR_PROCESS_LOG\" 2>&1";
    private readonly Process process;
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int stopping;

    private NamespaceProcess(Process process, string logPath, string description)
    {
        this.process = process;
        LogPath = logPath;
        Description = description;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited) exited.TrySetResult();
    }

    /// <summary>The program's pid, which is also its process group id.</summary>
    public int ProcessId => process.Id;

    /// <summary>Where its output goes.</summary>
    public string LogPath { get; }

    /// <summary>What it is, for messages (e.g. "pod shop/web-5d8f-abcde").</summary>
    public string Description { get; }

    /// <summary>Completes when the process has exited, for whatever reason.</summary>
    public Task Exited => exited.Task;

    /// <summary>True when it was asked to stop (so an exit is expected).</summary>
    public bool StopRequested => Volatile.Read(ref stopping) != 0;

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/> inside <paramref name="ns"/>.</summary>
    public static NamespaceProcess Start(
        NetworkNamespace ns,
        string file,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string logPath,
        string description)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in (string[])["-c", Redirect, "sh", "setsid", "ip", "netns", "exec", ns.Name, file, .. arguments])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["KR_PROCESS_LOG"] = logPath;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {description}.");
        return new NamespaceProcess(process, logPath, description);
    }

    /// <summary>Sends a signal to the process only (not its group), e.g. SIGHUP to an nginx master.</summary>
    internal bool Signal(int signal) => !process.HasExited && NativeMethods.Signal(process.Id, signal);

    /// <summary>
    /// Asks the group to stop with <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills the
    /// group. Idempotent.
    /// </summary>
    public async Task StopAsync(int signal, NamedTimeout grace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grace);
        Interlocked.Exchange(ref stopping, 1);
        if (!Exited.IsCompleted) NativeMethods.Signal(-process.Id, signal);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(grace.Value);
        try
        {
            await Exited.WaitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The grace period ended: fall through to SIGKILL.
        }

        // Only while the leader is unreaped does its pid surely still name this group; a child that outlives it
        // (an nginx worker) dies with the namespace, which is destroyed after every process in it is killed.
        if (!Exited.IsCompleted) NativeMethods.Signal(-process.Id, NativeMethods.SigKill);
        await Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the group at once, synchronously (process exit path). Idempotent.</summary>
    internal void Kill()
    {
        Interlocked.Exchange(ref stopping, 1);
        if (!Exited.IsCompleted) NativeMethods.Signal(-process.Id, NativeMethods.SigKill);
    }

    /// <summary>The last lines of its log, for failure messages.</summary>
    public string LogTail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines)).Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(NativeMethods.SigTerm, Timeouts.FromEnvironment().Cleanup, CancellationToken.None).ConfigureAwait(false);
        process.Dispose();
    }
}
