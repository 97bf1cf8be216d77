using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Runs;
using KubeRaya.Conformance.Targets;
using KubeRaya.Conformance.Workloads;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// A cluster target (existing, kind, k3s or reference): the suite deploys into it through its kubeconfig. Disposal deletes
/// every namespace carrying the run's label, whatever happened to the suite (crash, Ctrl-C), and nothing else.
/// </summary>
public class ClusterSession : ITargetSession
{
    private readonly Func<ValueTask>? _stopTarget;

    /// <summary>A session over a kubeconfig already checked to answer.</summary>
    protected ClusterSession(RunConfiguration configuration, IReadOnlyDictionary<string, string> environment, Func<ValueTask>? stopTarget)
    {
        Configuration = configuration;
        Environment = environment;
        _stopTarget = stopTarget;
    }

    /// <inheritdoc />
    public RunConfiguration Configuration { get; }
    /// <inheritdoc />
    public ControlModes Modes => ControlModes.Endpoint | ControlModes.Deploy;
    /// <inheritdoc />
    public IReadOnlyList<string> JudgedHosts => [];
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Connects to the cluster, or fails with one line (exit 2 for bad input, 3 for an unreachable cluster).</summary>
    public static async Task<string> PreflightAsync(string kubeconfig, string? context, CancellationToken cancellationToken)
    {
        try
        {
            var (connection, version) = await ClusterConnection.OpenAsync(kubeconfig, context, Timeouts.FromEnvironment().Connect.Value * 2, cancellationToken).ConfigureAwait(false);
            connection.Dispose();
            return version;
        }
        catch (ClusterConnectionException e) when (e.IsConfigurationError)
        {
            throw new UsageException(e.Message);
        }
        catch (ClusterConnectionException e)
        {
            throw new IncompleteRunException(e.Message);
        }
    }

    /// <summary>Writes the target's own logs (a throwaway cluster's and its controller's) into the report directory
    /// before the report is written, so that they are part of the bundle. Nothing for targets without logs.</summary>
    public virtual Task ExportLogsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deletes what the run created (its labelled namespaces), then stops the target if the session started it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var bound = new CancellationTokenSource(Timeouts.FromEnvironment().Cleanup.Value);
            var (connection, _) = await ClusterConnection.OpenAsync(Configuration.Kubeconfig!, Configuration.Context, Timeouts.FromEnvironment().Connect.Value, bound.Token).ConfigureAwait(false);
            using (connection)
            {
                await new ClusterWorkloads(connection.Client, Configuration.RunId, Timeouts.FromEnvironment(), null).DeleteRunNamespacesAsync(bound.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is ClusterConnectionException or HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
        {
            Console.Error.WriteLine($"kuberaya-conformance: could not delete the run's namespaces (label {RunLabels.Run}={Configuration.RunId}): {e.Message.Split('\n')[0]}");
        }
        if (_stopTarget is not null) await _stopTarget().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
