using k8s;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Targets;
using KubeRaya.Conformance.Workloads;

namespace KubeRaya.Conformance.Calibration;

/// <summary>
/// CALIBRATION ONLY. Puts the run's harness faults into the apps the harness deploys: certificate faults change the
/// certificate and Secret of every app (the shared app the endpoint checks probe, and each scenario's app); object
/// faults add objects beside each scenario's app only, so that the shared app stays as the endpoint checks expect
/// and no two copies of one broken object meet (two wildcard Ingresses would also be a second, unintended double
/// claim). Objects that change what the ingress serves are waited for, on the wire, until they take effect, and
/// again until their removal does, so that the reload they cause never lands in another scenario's observation.
/// With no fault on, every method leaves the app exactly as a conformance run deploys it.
/// </summary>
public sealed class HarnessFaults : IDisposable
{
    private readonly IReadOnlySet<HarnessFault> _active;
    private readonly CertificateAuthority _runCa;
    private readonly ClusterWorkloads _workloads;
    private readonly WorkloadNames _names;
    private readonly string _runId;
    private readonly Timeouts _timeouts;
    private readonly Lazy<CertificateAuthority> _unrelatedCa;
    private readonly Dictionary<string, Added> _added = new(StringComparer.Ordinal);
    private int _lastPort = FirstOwnPort - 1;

    /// <summary>The container port of the first app under <see cref="HarnessFault.OwnPorts"/>; later apps count up.</summary>
    public const int FirstOwnPort = 3100;

    /// <summary>The faults that add objects beside a scenario's app.</summary>
    public static readonly IReadOnlySet<HarnessFault> ObjectFaults = new HashSet<HarnessFault>
    {
        HarnessFault.CertificateInConfigMap, HarnessFault.WildcardHost, HarnessFault.DuplicateClaim, HarnessFault.HostWithoutTls,
    };

    /// <summary>The faults <paramref name="active"/>, applied with the run's CA, workloads, names and label.</summary>
    public HarnessFaults(IReadOnlySet<HarnessFault> active, CertificateAuthority runCa, ClusterWorkloads workloads, WorkloadNames names, string runId, Timeouts timeouts)
    {
        _active = active ?? throw new ArgumentNullException(nameof(active));
        _runCa = runCa ?? throw new ArgumentNullException(nameof(runCa));
        _workloads = workloads ?? throw new ArgumentNullException(nameof(workloads));
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _runId = runId;
        _timeouts = timeouts ?? throw new ArgumentNullException(nameof(timeouts));
        _unrelatedCa = new(() => CertificateAuthority.CreateRoot($"Unrelated CA of run {runId} (calibration: not in the CA bundle)"));
    }

    /// <summary>The faults switched on.</summary>
    public IReadOnlySet<HarnessFault> Active => _active;

    /// <summary>
    /// The spec as deployed: its Secret is Opaque under <see cref="HarnessFault.OpaqueTlsSecret"/>, and it listens on a
    /// port of its own under <see cref="HarnessFault.OwnPorts"/>.
    /// </summary>
    public SampleAppSpec Shape(SampleAppSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_active.Contains(HarnessFault.OpaqueTlsSecret)) spec = spec with { TlsSecretType = "Opaque" };
        if (_active.Contains(HarnessFault.OwnPorts)) spec = spec with { ContainerPort = Interlocked.Increment(ref _lastPort) };
        return spec;
    }

    /// <summary>The certificate an app is deployed with: the given profile from the run's CA, bent by the certificate faults.</summary>
    public IssuedCertificate Issue(IReadOnlyList<string> hosts, LeafProfile profile)
    {
        if (_active.Contains(HarnessFault.UntrustedCertificate)) return _unrelatedCa.Value.Issue(profile, hosts);
        var bent = profile != LeafProfile.Valid ? profile
            : _active.Contains(HarnessFault.ExpiredCertificate) ? LeafProfile.Expired
            : _active.Contains(HarnessFault.WrongHostCertificate) ? LeafProfile.WrongHost
            : _active.Contains(HarnessFault.WeakKeyCertificate) ? LeafProfile.Rsa1024
            : profile;
        return _runCa.Issue(bent, hosts);
    }

    /// <summary>True when the harness renews every app's Secret right after the app is served (<see cref="HarnessFault.SecretRenewed"/>).</summary>
    public bool RenewsSecrets => _active.Contains(HarnessFault.SecretRenewed);

    /// <summary>
    /// After a scenario's app is served: adds the objects of the object faults beside it and waits until the ingress
    /// serves what they declare. Does nothing for the shared app or without an object fault.
    /// </summary>
    public async Task AfterServedAsync(DeployedApp app, PublicEndpoints endpoints, bool scenarioApp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(endpoints);
        var spec = app.Spec;
        if (!scenarioApp || !_active.Overlaps(ObjectFaults)) return;

        var added = new Added();
        _added[spec.Namespace] = added;
        var client = _workloads.Client;
        if (_active.Contains(HarnessFault.CertificateInConfigMap))
        {
            var configMap = FaultManifests.CertificateConfigMap(spec, _runId, _names.Object("certificate"), app.Certificate.ChainPem());
            await client.CoreV1.CreateNamespacedConfigMapAsync(configMap, spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        if (_active.Contains(HarnessFault.WildcardHost))
        {
            var wildcard = "*." + WorkloadNames.ParentDomain;
            var secretName = _names.Object("wildcard-tls");
            using var certificate = _runCa.Issue(LeafProfile.Wildcard, spec.Hosts);
            var secret = SampleAppManifests.TlsSecret(spec with { TlsSecretName = secretName, TlsSecretType = "kubernetes.io/tls" }, _runId, certificate.ChainPem(), certificate.PrivateKeyPem());
            await client.CoreV1.CreateNamespacedSecretAsync(secret, spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            var ingress = FaultManifests.ExtraIngress(spec, _runId, _names.Object("wildcard"), wildcard, secretName);
            await client.NetworkingV1.CreateNamespacedIngressAsync(ingress, spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            added.WildcardLeaf = CertificateEvidence.From(certificate.Leaf).Sha256Fingerprint;
        }
        if (_active.Contains(HarnessFault.HostWithoutTls))
        {
            added.PlainHost = _names.Host();
            var ingress = FaultManifests.ExtraIngress(spec, _runId, _names.Object("plain"), added.PlainHost, tlsSecretName: null);
            await client.NetworkingV1.CreateNamespacedIngressAsync(ingress, spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        if (_active.Contains(HarnessFault.DuplicateClaim))
        {
            // "zz" sorts after every app namespace, so that even within one second of creation (timestamps have
            // second resolution) ingress-nginx's order, creation time then namespace/name, keeps the app's claim first.
            var second = spec with
            {
                Namespace = _names.Namespace("zz-duplicate-claim"),
                Name = _names.Object("echo"),
                TlsSecretName = _names.Object("tls"),
                TlsSecretType = "kubernetes.io/tls",
            };
            using var certificate = _runCa.Issue(LeafProfile.Valid, second.Hosts);
            added.Namespaces.Add(second.Namespace);
            await _workloads.DeployAsync(second, certificate, cancellationToken).ConfigureAwait(false);
        }
        await AwaitAsync(app, endpoints, added, present: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a scenario's app: first the namespaces the faults added, then the app's, then waits until the ingress no longer serves the added objects.</summary>
    public async Task RemoveAsync(DeployedApp app, PublicEndpoints endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(endpoints);
        _added.Remove(app.Spec.Namespace, out var added);
        foreach (var ns in added?.Namespaces ?? []) await _workloads.DeleteNamespaceAsync(ns, cancellationToken).ConfigureAwait(false);
        await _workloads.DeleteNamespaceAsync(app.Spec.Namespace, cancellationToken).ConfigureAwait(false);
        if (added is not null) await AwaitAsync(app, endpoints, added, present: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits, three observations in a row, until the added objects are served (<paramref name="present"/>) or gone:
    /// the wildcard certificate for a random name beside the app's host, the app's content over plain HTTP for the
    /// host without TLS. A convergence wait, not a verdict: when it runs out, the app's deploy fails (adding), or the
    /// next scenario sees what remains (removing).
    /// </summary>
    private async Task AwaitAsync(DeployedApp app, PublicEndpoints endpoints, Added added, bool present, CancellationToken cancellationToken)
    {
        var endpoint = new ProbeEndpoint(endpoints.Address, endpoints.HttpPort, endpoints.HttpsPort);
        var tls = new TlsProbe(_timeouts, endpoints.CaBundle);
        var http = new HttpProbe(_timeouts);
        var host = app.Spec.Hosts[0];
        var waits = new List<(string What, Func<CancellationToken, Task<bool>> Holds)>();
        if (added.WildcardLeaf is { } wildcardLeaf)
        {
            waits.Add(($"the wildcard certificate {(present ? "served" : "gone")} for names beside {host}", async ct =>
            {
                var sibling = RandomHostNames.SiblingOf(host);
                var seen = await tls.HandshakeAsync(endpoint, sibling, sibling, null, ct).ConfigureAwait(false);
                return seen.Completed && (seen.Leaf?.Sha256Fingerprint == wildcardLeaf) == present;
            }));
        }
        if (added.PlainHost is { } plainHost)
        {
            waits.Add(($"{plainHost} {(present ? "served" : "gone")} over plain HTTP", async ct =>
            {
                var seen = await http.SendAsync(HttpProbeRequest.Http(endpoint, plainHost), ct).ConfigureAwait(false);
                return seen.Status is int status && (status == 200) == present;
            }));
        }
        foreach (var (what, holds) in waits)
        {
            var result = await BoundedPoll.UntilAsync(holds, h => h, _timeouts.IngressReady, cancellationToken, consecutive: 3, interval: TimeSpan.FromMilliseconds(150)).ConfigureAwait(false);
            if (!result.Satisfied && present)
                throw new WorkloadNotReadyException($"calibration fault objects beside {app.Spec.Namespace}/{app.Spec.Name} did not take effect: {what} not seen after the {result.Timeout}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_unrelatedCa.IsValueCreated) _unrelatedCa.Value.Dispose();
    }

    /// <summary>What the object faults added beside one scenario app.</summary>
    private sealed class Added
    {
        public List<string> Namespaces { get; } = [];
        public string? WildcardLeaf { get; set; }
        public string? PlainHost { get; set; }
    }
}
