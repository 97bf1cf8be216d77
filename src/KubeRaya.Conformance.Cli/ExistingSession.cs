using System.Net;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Runs;
using KubeRaya.Conformance.Targets;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// An existing cluster named by kubeconfig and context, e.g. a KubeRaya release candidate. Before anything is
/// created, a preflight checks that the API answers, that an IngressClass can be chosen and that the kubeconfig's
/// user may create and delete what the suite deploys. The suite creates only namespaces labelled with the run;
/// disposal deletes those and nothing else, also after Ctrl-C.
/// </summary>
public sealed class ExistingSession : ClusterSession
{
    private ExistingSession(RunConfiguration configuration, IReadOnlyDictionary<string, string> environment)
        : base(configuration, environment, null)
    {
    }

    /// <summary>Reads -Kubeconfig, -Context, -IngressClass, -IngressAddress and -KeepOnFailure, and runs the preflight.</summary>
    public static async Task<ITargetSession> OpenAsync(Arguments arguments, string runId, string reportDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var kubeconfig = Path.GetFullPath(arguments.Required("kubeconfig", "the cluster's kubeconfig"));
        var context = arguments.Text("context");
        var ingressClass = arguments.Text("ingress-class");
        var address = arguments.Text("ingress-address");
        if (address is not null && !IPAddress.TryParse(address, out _))
            throw new UsageException($"-IngressAddress '{address}' is not an IP address: give the address probes connect to, e.g. 203.0.113.10");
        var keep = arguments.Flag("keep-on-failure");
        arguments.RejectUnknown();
        var configuration = new RunConfiguration
        {
            RunId = runId,
            Target = "existing",
            Kubeconfig = kubeconfig,
            Context = context,
            IngressClass = ingressClass,
            Address = address,
            ReportDirectory = reportDirectory,
            KeepOnFailure = keep,
        };
        var (checkedConfiguration, environment) = await InspectAsync(configuration, cancellationToken).ConfigureAwait(false);
        environment["target"] = $"existing cluster (kubeconfig {kubeconfig}, context {context ?? "current"}); the harness touches only namespaces labelled with the run";
        environment["controllerVersion"] = "not reported by the cluster: on an existing cluster the harness reads only the IngressClass";
        return new ExistingSession(checkedConfiguration, environment);
    }

    /// <summary>
    /// Connects with the configuration's kubeconfig and context and runs the preflight, creating nothing. Returns the
    /// configuration with the IngressClass filled in where the cluster default was taken, and the environment lines
    /// (Kubernetes version, IngressClass and controller, nodes). The kind and k3s targets run it on their new clusters.
    /// </summary>
    /// <exception cref="UsageException">Missing or malformed kubeconfig, unknown context (exit 2).</exception>
    /// <exception cref="IncompleteRunException">API unreachable or refusing, no IngressClass, insufficient rights (exit 3).</exception>
    public static async Task<(RunConfiguration Configuration, Dictionary<string, string> Environment)> InspectAsync(RunConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var timeouts = Timeouts.FromEnvironment();
        var (connection, version) = await ConnectAsync(configuration.Kubeconfig!, configuration.Context, timeouts.Connect.Value * 2, cancellationToken).ConfigureAwait(false);
        using (connection)
        {
            var preflight = await ClusterPreflight.CheckAsync(connection.Client, configuration.IngressClass, cancellationToken).ConfigureAwait(false);
            if (!preflight.Passed)
                throw new IncompleteRunException($"the cluster at {connection.Server} is not ready for the suite, and nothing was created:{string.Concat(preflight.Problems.Select(p => "\n  - " + p))}");
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["apiServer"] = connection.Server,
                ["kubernetesVersion"] = version,
                ["ingressClass"] = configuration.IngressClass is null ? $"{preflight.IngressClass} (the cluster default)" : preflight.IngressClass!,
                ["controller"] = preflight.IngressController ?? "unknown (the IngressClass names no controller)",
                ["nodeImage"] = await ClusterFacts.NodesAsync(connection.Client, cancellationToken).ConfigureAwait(false),
                ["ingressAddress"] = configuration.Address is null ? "from each Ingress's status.loadBalancer" : $"{configuration.Address} (given with -IngressAddress)",
            };
            return (configuration, environment);
        }
    }

    /// <summary>Opens a connection, turning the ways it fails into the command line's exceptions (exit 2 or 3).</summary>
    public static async Task<(ClusterConnection Connection, string Version)> ConnectAsync(string kubeconfig, string? context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ClusterConnection.OpenAsync(kubeconfig, context, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterConnectionException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>A target failure as the command line reports it: exit 2 for configuration errors, 3 otherwise.</summary>
    public static Exception Translate(ClusterConnectionException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.IsConfigurationError ? new UsageException(failure.Message) : new IncompleteRunException(failure.Message);
    }
}
