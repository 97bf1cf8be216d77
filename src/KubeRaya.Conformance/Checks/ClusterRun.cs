using KubeRaya.Conformance.Calibration;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Runs;
using KubeRaya.Conformance.Targets;
using KubeRaya.Conformance.Workloads;

namespace KubeRaya.Conformance.Checks;

/// <summary>
/// Deploy mode for one run: the cluster connection, the run's CA (key in memory only), the apps scenarios
/// deploy, and the shared app whose hosts the E-mode scenarios probe on a cluster target. Disposal deletes
/// every namespace carrying this run's label. A calibration run's harness faults (<see cref="HarnessFaults"/>) bend
/// the apps it deploys; a conformance run has none.
/// </summary>
public sealed class ClusterRun : IAsyncDisposable
{
    private readonly RunConfiguration _configuration;
    private readonly Timeouts _timeouts;
    private readonly SemaphoreSlim _sharedGate = new(1, 1);
    private readonly string _basicAuthPassword = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
    private readonly HarnessFaults _faults;
    private readonly Dictionary<string, HashSet<string>> _secretLeaves = new(StringComparer.Ordinal);
    private DeployedApp? _shared;
    private bool _disposed;

    private ClusterRun(RunConfiguration configuration, Timeouts timeouts, ClusterConnection connection, CertificateAuthority ca, string caBundlePath)
    {
        _configuration = configuration;
        _timeouts = timeouts;
        Connection = connection;
        RunCa = ca;
        CaBundlePath = caBundlePath;
        Workloads = new ClusterWorkloads(connection.Client, configuration.RunId, timeouts, configuration.Address);
        _faults = new HarnessFaults(HarnessFaultCatalogue.Among(configuration.Fault), ca, Workloads, Names, configuration.RunId, timeouts);
    }

    /// <summary>The cluster.</summary>
    public ClusterConnection Connection { get; }
    /// <summary>The run's CA; every app certificate is issued by it.</summary>
    public CertificateAuthority RunCa { get; }
    /// <summary>PEM file holding the run CA's certificate (no key).</summary>
    public string CaBundlePath { get; }
    /// <summary>Deploys and deletes apps.</summary>
    public ClusterWorkloads Workloads { get; }
    /// <summary>Random names for this run.</summary>
    public WorkloadNames Names { get; } = new();
    /// <summary>The password the basic-auth variant accepts.</summary>
    public string BasicAuthPassword => _basicAuthPassword;

    /// <summary>Connects to the cluster named by the configuration and creates the run's CA.</summary>
    public static async Task<ClusterRun> OpenAsync(RunConfiguration configuration, Timeouts timeouts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(timeouts);
        if (configuration.Kubeconfig is null)
            throw new InvalidOperationException($"target '{configuration.Target}' gave no kubeconfig");
        var (connection, _) = await ClusterConnection.OpenAsync(configuration.Kubeconfig, configuration.Context, timeouts.Connect.Value * 2, cancellationToken).ConfigureAwait(false);
        var ca = CertificateAuthority.CreateRoot($"KubeRaya conformance run {configuration.RunId}");
        var bundle = Path.Combine(Path.GetTempPath(), $"{configuration.RunId}-{Guid.NewGuid():N}-ca.pem");
        await File.WriteAllTextAsync(bundle, ca.CertificatePem, cancellationToken).ConfigureAwait(false);
        return new ClusterRun(configuration, timeouts, connection, ca, bundle);
    }

    /// <summary>Deploys a scenario's app of a variant with a certificate of a profile, and waits until the ingress serves that certificate.</summary>
    public Task<DeployedApp> DeployAsync(AppVariant variant, CancellationToken cancellationToken, int hostCount = 1, LeafProfile profile = LeafProfile.Valid) =>
        DeployAsync(variant, hostCount, profile, scenarioApp: true, cancellationToken);

    /// <summary>
    /// Removes a scenario's app (its namespace, and what calibration faults added beside it), then waits until the
    /// ingress no longer serves any certificate the app's Secret held for its host, three handshakes in a row: the
    /// reload that removal causes must not land in the next scenario's observations (a reload closes connections
    /// that are open but idle). Best effort within the clean-up timeout: the app is deleted either way.
    /// </summary>
    public async Task RemoveAsync(DeployedApp app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (_faults.Active.Count == 0) await Workloads.DeleteNamespaceAsync(app.Spec.Namespace, cancellationToken).ConfigureAwait(false);
        else await _faults.RemoveAsync(app, EndpointsOf(app), cancellationToken).ConfigureAwait(false);

        HashSet<string> leaves;
        lock (_secretLeaves)
        {
            if (!_secretLeaves.Remove(app.Spec.Namespace, out var held)) return;
            leaves = held;
        }
        var endpoints = EndpointsOf(app);
        var probe = new TlsProbe(_timeouts, endpoints.CaBundle);
        var target = new ProbeEndpoint(endpoints.Address, endpoints.HttpPort, endpoints.HttpsPort);
        var host = app.Spec.Hosts[0];
        await BoundedPoll.UntilAsync(
            ct => probe.HandshakeAsync(target, host, host, null, ct),
            e => e.Completed && e.Leaf is not null && !leaves.Contains(e.Leaf.Sha256Fingerprint),
            _timeouts.Cleanup, cancellationToken, consecutive: 3, interval: TimeSpan.FromMilliseconds(150)).ConfigureAwait(false);
    }

    /// <summary>Replaces the certificate in an app's Secret (the ingress is expected to serve it without a reload).</summary>
    public Task ReplaceCertificateAsync(DeployedApp app, IssuedCertificate replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(replacement);
        Held(app.Spec, replacement);
        return Workloads.ReplaceCertificateAsync(app.Spec, replacement, cancellationToken);
    }

    private async Task<DeployedApp> DeployAsync(AppVariant variant, int hostCount, LeafProfile profile, bool scenarioApp, CancellationToken cancellationToken)
    {
        var spec = _faults.Shape(SampleAppSpecs.For(variant, Names, hostCount, _configuration.IngressClass, _basicAuthPassword));
        var certificate = _faults.Issue(spec.Hosts, profile);
        Held(spec, certificate);
        var app = await Workloads.DeployAsync(spec, certificate, cancellationToken).ConfigureAwait(false);
        await WaitUntilServedAsync(app, certificate, cancellationToken).ConfigureAwait(false);
        if (_faults.RenewsSecrets)
        {
            using var renewed = RunCa.Issue(LeafProfile.Valid, spec.Hosts);
            await ReplaceCertificateAsync(app, renewed, cancellationToken).ConfigureAwait(false);
        }
        await _faults.AfterServedAsync(app, EndpointsOf(app), scenarioApp, cancellationToken).ConfigureAwait(false);
        return app;
    }

    private void Held(SampleAppSpec spec, IssuedCertificate certificate)
    {
        var leaf = Evidence.CertificateEvidence.From(certificate.Leaf).Sha256Fingerprint;
        lock (_secretLeaves)
        {
            if (!_secretLeaves.TryGetValue(spec.Namespace, out var leaves)) _secretLeaves[spec.Namespace] = leaves = new HashSet<string>(StringComparer.Ordinal);
            leaves.Add(leaf);
        }
    }

    /// <summary>The shared app (two hosts) the E-mode scenarios probe on a cluster target, deployed on first use.</summary>
    public async Task<PublicEndpoints> SharedEndpointsAsync(CancellationToken cancellationToken)
    {
        await _sharedGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _shared ??= await DeployAsync(AppVariant.Standard, hostCount: 2, LeafProfile.Valid, scenarioApp: false, cancellationToken).ConfigureAwait(false);
            return EndpointsOf(_shared);
        }
        finally
        {
            _sharedGate.Release();
        }
    }

    /// <summary>Where probes reach an app.</summary>
    public PublicEndpoints EndpointsOf(DeployedApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var bundle = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection { RunCa.Certificate };
        return new PublicEndpoints(app.IngressAddress, _configuration.HttpPort, _configuration.HttpsPort, app.Spec.Hosts, bundle, CaBundlePath);
    }

    /// <summary>Waits until every host of the app serves the given certificate, three handshakes in a row (convergence, not a verdict).</summary>
    public async Task WaitUntilServedAsync(DeployedApp app, IssuedCertificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(certificate);
        var endpoints = EndpointsOf(app);
        var probe = new TlsProbe(_timeouts, endpoints.CaBundle);
        var target = new ProbeEndpoint(endpoints.Address, endpoints.HttpPort, endpoints.HttpsPort);
        var expected = Evidence.CertificateEvidence.From(certificate.Leaf).Sha256Fingerprint;
        foreach (var host in app.Spec.Hosts)
        {
            var served = await BoundedPoll.UntilAsync(
                ct => probe.HandshakeAsync(target, host, host, null, ct),
                e => e.Completed && e.Leaf?.Sha256Fingerprint == expected && e.HttpStatus is not null and not 502 and not 503,
                _timeouts.IngressReady, cancellationToken, consecutive: 3, interval: TimeSpan.FromMilliseconds(150)).ConfigureAwait(false);
            if (!served.Satisfied)
                throw new WorkloadNotReadyException($"{host} did not serve its new certificate through the ingress at {endpoints.Address}:{endpoints.HttpsPort} after the {served.Timeout} (last: {Describe(served.Last, expected)})");
        }
    }

    private static string Describe(Evidence.TlsHandshakeEvidence? last, string expected) =>
        last is null ? "no handshake completed"
        : !last.Completed ? last.Failure ?? "handshake failed"
        : last.Leaf?.Sha256Fingerprint != expected ? $"served certificate {last.Leaf?.Sha256Fingerprint[..16]}…, expected {expected[..16]}…"
        : $"HTTP status {last.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        using var bound = new CancellationTokenSource(_timeouts.Cleanup.Value);
        try
        {
            await Workloads.DeleteRunNamespacesAsync(bound.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
        {
            // The command line sweeps the run's label once more after the suite; nothing else may be touched.
        }
        File.Delete(CaBundlePath);
        _faults.Dispose();
        RunCa.Dispose();
        Connection.Dispose();
        _sharedGate.Dispose();
    }
}
