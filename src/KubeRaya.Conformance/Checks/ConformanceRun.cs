using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reporting;
using KubeRaya.Conformance.Runs;
using KubeRaya.Conformance.Targets;
using KubeRaya.Conformance.Workloads;

namespace KubeRaya.Conformance.Checks;

/// <summary>
/// One run as the suite sees it: the configuration, the ledger verdicts go to, the evidence files, and the
/// checks for each mode, created on first use and shared by every scenario of the run.
/// </summary>
public sealed class ConformanceRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _runCancellation = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EndpointChecks? _endpointChecks;
    private Exception? _endpointFailure;
    private ClusterRun? _cluster;

    /// <summary>A run for a configuration.</summary>
    public ConformanceRun(RunConfiguration configuration)
    {
        Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        Ledger = new ResultLedger(configuration.ReportDirectory);
        EvidenceFiles = new EvidenceFiles(configuration.ReportDirectory);
        Timeouts = Timeouts.FromEnvironment();
    }

    /// <summary>The run's configuration.</summary>
    public RunConfiguration Configuration { get; }
    /// <summary>Where verdicts are recorded.</summary>
    public ResultLedger Ledger { get; }
    /// <summary>Where evidence is written.</summary>
    public EvidenceFiles EvidenceFiles { get; }
    /// <summary>Named bounds for every wait.</summary>
    public Timeouts Timeouts { get; }
    /// <summary>Cancelled when the run is disposed.</summary>
    public CancellationToken Token => _runCancellation.Token;

    /// <summary>The E-mode checks over the target's public hosts.</summary>
    public async Task<EndpointChecks> EndpointChecksAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_endpointChecks is not null) return _endpointChecks;
            // The endpoints are prepared once: when that failed (e.g. the shared app never became ready), every later
            // scenario is undecided for the same reason at once instead of waiting out the same timeout again.
            if (_endpointFailure is not null) throw new WorkloadNotReadyException($"the public hosts could not be prepared earlier in this run: {_endpointFailure.Message}");
            PublicEndpoints endpoints;
            try
            {
                endpoints = Configuration.Kubeconfig is null
                    ? PublicEndpointsOf(Configuration)
                    : await (await ClusterAsyncCore(cancellationToken).ConfigureAwait(false)).SharedEndpointsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (WorkloadNotReadyException e)
            {
                _endpointFailure = e;
                throw;
            }
            var observatory = new Observatory(endpoints, Timeouts, EvidenceFiles, Token);
            if (BeginsBrowserVisitsEarly(Configuration)) observatory.BeginBrowserVisits();
            return _endpointChecks = new EndpointChecks(observatory, Configuration.RenewalWindowDays, TimeProvider.System);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether the browser's visits (the slowest observation) start as soon as the public hosts are known, to go on
    /// while the other scenarios probe: only when the browser's scenario is among those the run selected, and only
    /// where no scenario changes the ingress (no cluster), since a deploy-mode scenario's reload must never fall into
    /// another scenario's observation.
    /// </summary>
    public static bool BeginsBrowserVisitsEarly(RunConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Kubeconfig is null
               && configuration.ScenarioControls?.Contains(BrowserJudge.ControlId, StringComparer.Ordinal) == true;
    }

    /// <summary>Deploy mode: the cluster, the run's CA and the apps scenarios deploy.</summary>
    public async Task<ClusterRun> ClusterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ClusterAsyncCore(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deploy mode: the checks over apps that scenarios deploy, and over the objects read back.</summary>
    public async Task<(DeployChecks Deploy, ObjectChecks Objects)> DeployModeAsync(CancellationToken cancellationToken)
    {
        var cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        return (new DeployChecks(cluster, Timeouts, EvidenceFiles, loopbackOnly: Configuration.IsTestDouble),
                new ObjectChecks(cluster, EvidenceFiles, Configuration.RenewalWindowDays));
    }

    private async Task<ClusterRun> ClusterAsyncCore(CancellationToken cancellationToken) =>
        _cluster ??= await ClusterRun.OpenAsync(Configuration, Timeouts, cancellationToken).ConfigureAwait(false);

    /// <summary>Records verdicts of a scenario and returns them.</summary>
    public IReadOnlyList<Verdict> Record(IReadOnlyList<Verdict> verdicts, string scenario)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        foreach (var verdict in verdicts) Ledger.Append(ResultRecord.From(verdict, scenario));
        return verdicts;
    }

    private static PublicEndpoints PublicEndpointsOf(RunConfiguration configuration)
    {
        if (configuration.Address is null || configuration.CaBundlePath is null || configuration.Hosts.Count == 0)
            throw new InvalidOperationException($"target '{configuration.Target}' gave no public endpoints (address, hosts and CA bundle are needed)");
        var bundle = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        bundle.ImportFromPemFile(configuration.CaBundlePath);
        return new PublicEndpoints(configuration.Address, configuration.HttpPort, configuration.HttpsPort, configuration.Hosts, bundle, configuration.CaBundlePath);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_runCancellation.IsCancellationRequested) return;
        await _runCancellation.CancelAsync().ConfigureAwait(false);
        if (_endpointChecks is not null) await _endpointChecks.DisposeAsync().ConfigureAwait(false);
        if (_cluster is not null) await _cluster.DisposeAsync().ConfigureAwait(false);
        _runCancellation.Dispose();
        _gate.Dispose();
    }
}
