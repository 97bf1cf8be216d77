using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using k8s;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Workloads;

namespace KubeRaya.Conformance.Checks;

/// <summary>
/// The D-mode controls that need a deployed app: each observes the app through the ingress or the cluster
/// API, writes the evidence, and judges it with a pure judge.
/// </summary>
public sealed class DeployChecks(ClusterRun cluster, Timeouts timeouts, EvidenceFiles files, bool loopbackOnly)
{
    /// <summary>Requests the app continuously go out this often while its certificate rotates.</summary>
    public static readonly TimeSpan RotationProbeInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Requests the continuous probe makes at least after the Secret's replacement (more than the rotation judge needs).</summary>
    public const int MinimumRotationProbes = 8;

    /// <summary>Deploys an app of the variant for a scenario.</summary>
    public async Task<ScenarioApp> DeployAsync(AppVariant variant, CancellationToken cancellationToken) =>
        new(await cluster.DeployAsync(variant, cancellationToken).ConfigureAwait(false));

    /// <summary>Removes a scenario's app (its namespace, which carries the run's label).</summary>
    public Task RemoveAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return cluster.RemoveAsync(app.App, cancellationToken);
    }

    /// <summary>KR-TLS-02: what the backend received, and whose certificate the client saw.</summary>
    public async Task<IReadOnlyList<Verdict>> TerminationAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        var (endpoint, tls, http) = Probes(app);
        var handshake = await tls.HandshakeAsync(endpoint, app.Host, app.Host, null, cancellationToken).ConfigureAwait(false);
        var exchange = await http.SendAsync(new HttpProbeRequest(endpoint, "https", app.Host, app.Host, RandomRequestPaths.Next()), cancellationToken).ConfigureAwait(false);
        var secret = await SecretLeafFingerprintAsync(app, cancellationToken).ConfigureAwait(false);
        var echo = EchoEvidence.TryParse(exchange.Body);
        var path = files.Write(app.Host, "termination", new { handshake, exchange, echo, secretLeafFingerprint = secret });
        return [TerminationJudge.Judge(app.Host, echo, handshake.Leaf?.Sha256Fingerprint, secret) with { Evidence = path }];
    }

    /// <summary>KR-CERT-06: the served leaf is the leaf in the Ingress's Secret.</summary>
    public async Task<IReadOnlyList<Verdict>> SecretCertificateAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        var (endpoint, tls, _) = Probes(app);
        var handshake = await tls.HandshakeAsync(endpoint, app.Host, app.Host, null, cancellationToken).ConfigureAwait(false);
        var secret = await SecretLeafFingerprintAsync(app, cancellationToken).ConfigureAwait(false);
        var path = files.Write(app.Host, "secret-certificate", new { handshake, secretLeafFingerprint = secret });
        return [SecretCertificateJudge.Judge(app.Host, handshake.Leaf, secret) with { Evidence = path }];
    }

    /// <summary>KR-CERT-07, first half: replaces the Secret's certificate while probing continuously.</summary>
    public async Task RotateAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (endpoint, tls, _) = Probes(app);
        var oldFingerprint = CertificateEvidence.From(app.App.Certificate.Leaf).Sha256Fingerprint;
        using var replacement = cluster.RunCa.Issue(LeafProfile.Valid, app.App.Spec.Hosts);
        var newFingerprint = CertificateEvidence.From(replacement.Leaf).Sha256Fingerprint;
        var failures = new List<RotationProbeFailure>();
        var refusals = new List<RotationProbeFailure>();
        var probes = 0;
        TimeSpan? servedAfter = null;
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task ProbeContinuouslyAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var at = clock.Elapsed;
                var seen = await tls.HandshakeAsync(endpoint, app.Host, app.Host, null, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref probes);
                if (seen.FirstAttemptRefusal is { } refusal)
                    refusals.Add(new RotationProbeFailure(at, refusal));
                if (!seen.Completed || seen.HttpStatus is null or >= 500)
                {
                    var reason = seen.Failure ?? $"status {seen.HttpStatus}";
                    if (seen.FirstAttemptRefusal is not null) reason += $" (this was the request sent again after {seen.FirstAttemptRefusal})";
                    failures.Add(new RotationProbeFailure(at, reason));
                }
                else if (servedAfter is null && seen.Leaf?.Sha256Fingerprint == newFingerprint)
                    servedAfter = at;
                try { await Task.Delay(RotationProbeInterval, stop.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
            }
        }

        var prober = Task.Run(ProbeContinuouslyAsync, CancellationToken.None);
        await cluster.ReplaceCertificateAsync(app.App, replacement, cancellationToken).ConfigureAwait(false);
        var replacedAt = clock.Elapsed;
        var probesBefore = Volatile.Read(ref probes);
        await BoundedPoll.UntilAsync(_ => Task.FromResult(servedAfter), s => s is not null, timeouts.Rotation, cancellationToken, interval: RotationProbeInterval).ConfigureAwait(false);
        // Keep watching after the switch (at least a second and enough requests for the judge to count), so a
        // failure right after the change is seen too; on a slow machine this takes more requests' time, not a retry.
        await BoundedPoll.UntilAsync(
            _ => Task.FromResult((Since: clock.Elapsed - (servedAfter ?? clock.Elapsed), During: Volatile.Read(ref probes) - probesBefore)),
            o => o.Since >= TimeSpan.FromSeconds(1) && o.During >= MinimumRotationProbes,
            new NamedTimeout("rotation-settle", TimeSpan.FromSeconds(15)), cancellationToken, interval: RotationProbeInterval).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await prober.ConfigureAwait(false);
        app.Rotation = new RotationEvidence
        {
            Host = app.Host,
            OldFingerprint = oldFingerprint,
            NewFingerprint = newFingerprint,
            NewServedAfter = servedAfter is null ? null : servedAfter - replacedAt,
            ObservedFor = clock.Elapsed - replacedAt,
            ProbeCount = probes - probesBefore,
            Failures = SinceReplacement(failures, replacedAt),
            RefusedAndSentAgain = SinceReplacement(refusals, replacedAt),
        };
    }

    private static List<RotationProbeFailure> SinceReplacement(IEnumerable<RotationProbeFailure> seen, TimeSpan replacedAt) =>
        seen.Where(f => f.At >= replacedAt).Select(f => f with { At = f.At - replacedAt }).ToList();

    /// <summary>KR-CERT-07, second half: judges the rotation observed.</summary>
    public IReadOnlyList<Verdict> Rotation(ScenarioApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var evidence = app.Rotation ?? throw new InvalidOperationException("no rotation was observed: the scenario must replace the Secret first");
        var path = files.Write(app.Host, "rotation", evidence);
        return [RotationJudge.Judge(app.Host, evidence, timeouts.Rotation.Value) with { Evidence = path }];
    }

    /// <summary>KR-HOST-03: undeclared paths meet the default backend.</summary>
    public async Task<IReadOnlyList<Verdict>> DeclaredPathsAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        var (endpoint, _, http) = Probes(app);
        var declared = app.App.Spec.Paths.Select(p => p.Path).ToList();
        // Declared paths first (the app must answer), then traps: a sibling sharing a prefix string, a path
        // below an Exact one, the root, and a random path.
        var paths = declared.Concat(declared.Select(p => p.TrimEnd('/') + "le")).Concat(declared.Select(p => p.TrimEnd('/') + "/below"))
            .Append("/").Append(RandomRequestPaths.NextPath()).Distinct().ToList();
        var exchanges = await Task.WhenAll(paths.Select(async p =>
            new PathExchange(p, await http.SendAsync(new HttpProbeRequest(endpoint, "https", app.Host, app.Host, p), cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        var path = files.Write(app.Host, "declared-paths", exchanges);
        return [DeclaredPathsJudge.Judge(app.Host, exchanges, declared, [EchoEvidence.Marker]) with { Evidence = path }];
    }

    /// <summary>KR-PRIV-02: TCP connects from the harness to each pod IP and ClusterIP of the app.</summary>
    public async Task<IReadOnlyList<Verdict>> BackendReachabilityAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = cluster.Connection.Client;
        var spec = app.App.Spec;
        var pods = await client.CoreV1.ListNamespacedPodAsync(spec.Namespace, labelSelector: $"app={spec.Name}", cancellationToken: cancellationToken).ConfigureAwait(false);
        var service = await client.CoreV1.ReadNamespacedServiceAsync(spec.Name, spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        var probe = new TcpReachabilityProbe(timeouts, loopbackOnly);
        var attempts = new List<Task<ReachabilityEvidence>>();
        foreach (var pod in pods.Items.Where(p => !string.IsNullOrEmpty(p.Status?.PodIP)))
            attempts.Add(probe.TryConnectAsync(pod.Status.PodIP, spec.ContainerPort, $"pod {pod.Metadata.Name}", cancellationToken));
        foreach (var ip in service.Spec.ClusterIPs ?? (service.Spec.ClusterIP is null ? [] : [service.Spec.ClusterIP]))
            if (ip != "None") attempts.Add(probe.TryConnectAsync(ip, spec.ServicePort, $"ClusterIP {spec.Name}", cancellationToken));
        var evidence = await Task.WhenAll(attempts).ConfigureAwait(false);
        var path = files.Write(app.Host, "backend-reachability", evidence);
        var notTried = evidence.Where(e => e.Detail.StartsWith("not tried", StringComparison.Ordinal)).ToList();
        if (evidence.Length == 0)
            return [Verdict.Undecided("KR-PRIV-02", app.Host, ControlCatalogue.Get("KR-PRIV-02").Decision, "the app has no pod IP or ClusterIP to try") with { Evidence = path }];
        if (notTried.Count > 0)
            return [Verdict.Undecided("KR-PRIV-02", app.Host, ControlCatalogue.Get("KR-PRIV-02").Decision, $"{notTried.Count} backend address(es) were not loopback addresses of the test double and were not contacted, e.g. {notTried[0].Address}") with { Evidence = path }];
        return [BackendReachabilityJudge.Judge(app.Host, evidence) with { Evidence = path }];
    }

    /// <summary>KR-EXT-03: 401 without credentials, 200 with them.</summary>
    public async Task<IReadOnlyList<Verdict>> BasicAuthAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        var (endpoint, _, http) = Probes(app);
        var without = await http.SendAsync(new HttpProbeRequest(endpoint, "https", app.Host, app.Host, "/"), cancellationToken).ConfigureAwait(false);
        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{SampleAppSpecs.BasicAuthUser}:{cluster.BasicAuthPassword}"));
        var with = await http.SendAsync(new HttpProbeRequest(endpoint, "https", app.Host, app.Host, "/", Headers: new Dictionary<string, string> { ["Authorization"] = "Basic " + credentials }), cancellationToken).ConfigureAwait(false);
        var path = files.Write(app.Host, "basic-auth", new { without, with });
        return [BasicAuthJudge.Judge(app.Host, without, with) with { Evidence = path }];
    }

    /// <summary>KR-EXT-04: a bounded burst over the limit meets 429 or 503.</summary>
    public async Task<IReadOnlyList<Verdict>> RateLimitAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        const int burst = 30;
        var (endpoint, _, http) = Probes(app);
        var request = new HttpProbeRequest(endpoint, "https", app.Host, app.Host, "/");
        // The first request goes alone, so it is the first the ingress counts: sent with the others, it may arrive
        // after the budget is spent, and its 503 would read as an outage (the judge needs it to succeed).
        var first = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var rest = await Task.WhenAll(Enumerable.Range(1, burst - 1).Select(_ => http.SendAsync(request, cancellationToken))).ConfigureAwait(false);
        HttpExchangeEvidence[] exchanges = [first, .. rest];
        var path = files.Write(app.Host, "rate-limit", exchanges);
        return [RateLimitJudge.Judge(app.Host, exchanges, SampleAppSpecs.RateLimitPerSecond) with { Evidence = path }];
    }

    private (ProbeEndpoint Endpoint, TlsProbe Tls, HttpProbe Http) Probes(ScenarioApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoints = cluster.EndpointsOf(app.App);
        return (new ProbeEndpoint(endpoints.Address, endpoints.HttpPort, endpoints.HttpsPort), new TlsProbe(timeouts, endpoints.CaBundle), new HttpProbe(timeouts));
    }

    private async Task<string?> SecretLeafFingerprintAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        var secret = await cluster.Connection.Client.CoreV1.ReadNamespacedSecretAsync(app.App.Spec.TlsSecretName, app.App.Spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (secret.Data?.TryGetValue("tls.crt", out var pem) != true) return null;
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(System.Text.Encoding.ASCII.GetString(pem!));
        return certificates.Count == 0 ? null : CertificateEvidence.From(certificates[0]).Sha256Fingerprint;
    }
}
