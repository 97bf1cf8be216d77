using KubeRaya.Conformance.Calibration;
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
        var (faults, harnessFaults) = ReadFaults(arguments);
        var keep = arguments.Flag("keep-on-failure");
        arguments.RejectUnknown();
        var platform = await StartPlatformAsync(faults, cancellationToken).ConfigureAwait(false);
        var allFaults = (faults.Count == 0 ? [] : faults.Select(f => FaultCatalogue.Get(f).Name)).Concat(harnessFaults).ToList();
        var configuration = new RunConfiguration
        {
            RunId = runId,
            Target = "reference",
            Kubeconfig = platform.KubeconfigPath,
            ReportDirectory = reportDirectory,
            IsTestDouble = true,
            KeepOnFailure = keep,
            Fault = allFaults.Count == 0 ? null : string.Join(",", allFaults),
        };
        return new ReferenceSession(configuration, Describe(platform, harnessFaults), platform.DisposeAsync);
    }

    /// <summary>
    /// The -Fault option (comma-separated fault names): the reference platform's faults as a fault set, and the
    /// calibration-only harness faults (names starting with "app-") that make the harness deploy broken apps.
    /// </summary>
    public static (FaultSet Platform, IReadOnlyList<string> Harness) ReadFaults(Arguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var names = arguments.List("fault");
        var platform = new List<string>();
        var harness = new List<string>();
        foreach (var name in names)
        {
            if (FaultCatalogue.TryParse(name, out var fault)) platform.Add(fault.Name);
            else if (HarnessFaultCatalogue.TryParse(name, out var info)) harness.Add(info.Name);
            else
                throw new UsageException($"unknown fault '{name}': use one of {string.Join(", ", FaultCatalogue.All.Select(f => f.Name).Concat(HarnessFaultCatalogue.All.Select(f => f.Name)))}");
        }
        return (FaultSet.Parse(platform), harness.Distinct(StringComparer.Ordinal).ToList());
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

    /// <summary>The environment lines for a report, naming the platform's faults and the calibration-only harness faults.</summary>
    public static Dictionary<string, string> Describe(ReferencePlatform platform, IReadOnlyList<string>? harnessFaults = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["target"] = "reference platform: a test double of a cluster on this machine, not a cluster; conformance of KubeRaya is claimed only from real clusters",
            ["kubernetesVersion"] = ReferencePlatform.KubernetesVersion,
            ["controller"] = "reference controller rendering ingress-nginx behaviour into Debian's nginx",
            ["ingressAddress"] = platform.IngressAddress,
            ["faults"] = platform.Faults.Count == 0 ? "none" : platform.Faults.ToString(),
        };
        if (harnessFaults is { Count: > 0 })
            environment["harnessFaults"] = string.Join(",", harnessFaults) + " (calibration only: the harness deployed broken apps on purpose)";
        return environment;
    }
}
