using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Targets;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// The end of a throwaway cluster (kind or K3s), the same on every way out: its controller's and its own logs go
/// into the report directory once, then the cluster is removed unless kept, then the run's work folder (kubeconfig,
/// downloads) is deleted. Idempotent.
/// </summary>
public abstract class ThrowawayLifecycle(ControllerInstall controller, ToolRunner tools, bool keep, string reportDirectory, DirectoryInfo work, TextWriter output)
{
    private bool _logsExported;
    private bool _stopped;

    /// <summary>True once the cluster may exist (creation started), so that it must be cleaned up.</summary>
    public bool Created { get; set; }

    /// <summary>The tools.</summary>
    protected ToolRunner Tools => tools;

    /// <summary>Writes the cluster's own logs into <paramref name="folder"/>.</summary>
    protected abstract Task ExportClusterLogsAsync(string folder, CancellationToken cancellationToken);

    /// <summary>Removes the cluster; returns null when done, or one line saying how to remove it by hand.</summary>
    protected abstract Task<string?> RemoveAsync();

    /// <summary>The line printed when the cluster is kept (-KeepCluster).</summary>
    protected abstract string KeptLine { get; }

    /// <summary>Exports the logs once (before the report is written, or on the way out when the run did not get that far).</summary>
    public async Task ExportLogsAsync(CancellationToken cancellationToken)
    {
        if (_logsExported || !Created) return;
        _logsExported = true;
        var folder = Path.Combine(reportDirectory, ThrowawayCluster.LogFolder);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        await ThrowawayCluster.ExportControllerLogsAsync(tools, controller, reportDirectory, cancellationToken).ConfigureAwait(false);
        await ExportClusterLogsAsync(folder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Logs, removal unless kept, work folder; never throws.</summary>
    public async ValueTask StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        var timeouts = Timeouts.FromEnvironment();
        try
        {
            using var bound = new CancellationTokenSource(timeouts.Cleanup.Value + timeouts.Tool.Value);
            await ExportLogsAsync(bound.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ClusterConnectionException or IOException or HttpRequestException)
        {
            output.WriteLine($"kuberaya-conformance: could not export the cluster's logs: {e.Message.Split('\n')[0]}");
        }
        if (Created && !keep && await RemoveAsync().ConfigureAwait(false) is { } manual)
            output.WriteLine($"kuberaya-conformance: {manual}");
        else if (Created && keep)
            output.WriteLine(KeptLine);
        work.Delete(recursive: true);
    }

    /// <summary>Runs the opening of a session; on any failure or interruption cleans up before passing it on as the command line reports it.</summary>
    public async Task<T> GuardAsync<T>(Func<Task<T>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        try
        {
            return await open().ConfigureAwait(false);
        }
        catch (ClusterConnectionException e)
        {
            await StopAsync().ConfigureAwait(false);
            throw ExistingSession.Translate(e);
        }
        catch
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }
    }
}
