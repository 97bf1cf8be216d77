using KubeRaya.Conformance.Reference;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Cli;

/// <summary>The reference platform as a target: started for the run, probed through its kubeconfig like any cluster, stopped afterwards.</summary>
public sealed class ReferenceSession : ClusterSession
{
    private ReferenceSession(RunConfiguration configuration, IReadOnlyDictionary<string, string> environment, Func<ValueTask> stop)
        : base(configuration, environment, stop)
    {
    }

    /// <summary>Reads -Fault and -KeepOnFailure and starts the platform.</summary>
    public static async Task<ITargetSession> OpenAsync(Arguments arguments, string runId, string reportDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var faults = ReadFaults(arguments);
        var keep = arguments.Flag("keep-on-failure");
        arguments.RejectUnknown();
        var platform = await StartPlatformAsync(faults, cancellationToken).ConfigureAwait(false);
        var configuration = new RunConfiguration
        {
            RunId = runId,
            Target = "reference",
            Kubeconfig = platform.KubeconfigPath,
            ReportDirectory = reportDirectory,
            IsTestDouble = true,
            KeepOnFailure = keep,
            Fault = faults.Count == 0 ? null : faults.ToString(),
        };
        return new ReferenceSession(configuration, Describe(platform), platform.DisposeAsync);
    }

    /// <summary>The -Fault option as a fault set (comma-separated fault names).</summary>
    public static FaultSet ReadFaults(Arguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var names = arguments.List("fault");
        foreach (var name in names)
        {
            if (!FaultCatalogue.TryParse(name, out _))
                throw new UsageException($"unknown fault '{name}': use one of {string.Join(", ", FaultCatalogue.All.Select(f => f.Name))}");
        }
        return FaultSet.Parse(names);
    }

    /// <summary>Starts the platform, turning the ways it can fail to start into one line.</summary>
    public static async Task<ReferencePlatform> StartPlatformAsync(FaultSet faults, CancellationToken cancellationToken)
    {
        try
        {
            return await ReferencePlatform.StartAsync(faults, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Interrupted half-way: the parts torn down under a step in flight make it fail in its own words (a
            // device or a file that is already gone); that is the interruption, not a platform that cannot start.
            throw new OperationCanceledException("the reference platform's start was interrupted", e, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new IncompleteRunException($"the reference platform did not start ({e.Message.Split('\n')[0]}): it needs root (network namespaces) and Debian's nginx-light and libnginx-mod-stream, which run-tests.ps1 installs");
        }
    }

    /// <summary>The environment lines for a report.</summary>
    public static Dictionary<string, string> Describe(ReferencePlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["target"] = "reference platform: a test double of a cluster on this machine, not a cluster; conformance of KubeRaya is claimed only from real clusters",
            ["kubernetesVersion"] = ReferencePlatform.KubernetesVersion,
            ["controller"] = "reference controller rendering ingress-nginx behaviour into Debian's nginx",
            ["ingressAddress"] = platform.IngressAddress,
            ["faults"] = platform.Faults.Count == 0 ? "none" : platform.Faults.ToString(),
        };
    }
}
