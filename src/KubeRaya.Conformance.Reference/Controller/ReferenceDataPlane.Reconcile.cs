using System.Net;
using k8s.Models;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Reference.Network;
using KubeRaya.Conformance.Reference.Pods;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>The reconcile loop: one pass at a time over the latest snapshot; bursts of changes coalesce into one pass.</summary>
public sealed partial class ReferenceDataPlane
{
    private readonly Dictionary<IPEndPoint, TcpRelay> relays = [];
    private readonly HashSet<IPAddress> clusterIps = [];
    private TlsSecretStore? tlsStore;
    private AuthFileStore? authStore;
    private SiteBuilder? builder;
    private StatusReporter? reporter;
    private string renderedAt = string.Empty;
    private long generation;
    private ClusterSnapshot latest = ClusterSnapshot.Empty;
    private long submitted;
    private long applied;
    private long failed = -1;

    /// <summary>Why the last pass failed, or null when it succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>What the last pass skipped or served degraded (unknown Services, unusable Secrets, invalid hosts or paths).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The generation of the nginx configuration being served.</summary>
    public long Generation => nginx?.Generation ?? -1;

    /// <inheritdoc />
    public void OnClusterChanged(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (gate)
        {
            latest = snapshot;
            submitted++;
        }

        Wake();
    }

    /// <summary>
    /// Waits until the latest snapshot handed to <see cref="OnClusterChanged"/> has been acted on and nginx serves it
    /// (bounded by the converge timeout). Pods started by it may still be becoming ready. Throws with the reason when
    /// the pass failed.
    /// </summary>
    public async Task WaitForConvergenceAsync(CancellationToken cancellationToken)
    {
        long target;
        lock (gate) target = submitted;
        var result = await BoundedPoll.UntilAsync(
            _ => Task.FromResult(Interlocked.Read(ref applied) >= target || Interlocked.Read(ref failed) >= target),
            done => done,
            options.Timeouts.Converge,
            cancellationToken,
            interval: TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
        if (!result.Satisfied)
            throw new TimeoutException($"The reference data plane did not act on change {target} within the {options.Timeouts.Converge}.");
        if (Interlocked.Read(ref applied) < target)
            throw new InvalidOperationException($"The reference data plane failed to act on change {target}: {LastError}");
    }

    private void Wake() => wake.Writer.TryWrite(true);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        reporter = new StatusReporter(options.Sink);
        try
        {
            while (await wake.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                wake.Reader.TryRead(out _);
                ClusterSnapshot snapshot;
                long version;
                lock (gate)
                {
                    snapshot = latest;
                    version = submitted;
                }

                try
                {
                    await ReconcileAsync(snapshot, cancellationToken).ConfigureAwait(false);
                    LastError = null;
                    Interlocked.Exchange(ref applied, version);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LastError = e.Message;
                    Interlocked.Exchange(ref failed, version);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ReconcileAsync(ClusterSnapshot snapshot, CancellationToken cancellationToken)
    {
        await pods!.ReconcileAsync(snapshot.Deployments, cancellationToken).ConfigureAwait(false);
        var podStates = pods.Snapshot();
        var services = new ServiceDirectory(snapshot.Services, podStates);
        await SyncClusterIpsAsync(services, cancellationToken).ConfigureAwait(false);

        var site = builder!.Build(snapshot, services, Network.IngressAddress, StreamModule is not null);
        MountPassthroughCertificates(site);
        var layout = nginx!.Layout;
        var config = NginxConfigRenderer.Render(site, layout, generation, StreamModule);
        if (config != renderedAt)
        {
            var next = generation + 1;
            await nginx.ApplyAsync(NginxConfigRenderer.Render(site, layout, next, StreamModule), next, cancellationToken).ConfigureAwait(false);
            generation = next;
            renderedAt = NginxConfigRenderer.Render(site, layout, generation, StreamModule);
            tlsStore!.Prune(site.Certificates);
            authStore!.Prune(site.Hosts.SelectMany(h => h.Locations).Concat(site.DefaultLocations).Select(l => l.Action.AuthFile).OfType<string>());
        }

        Problems = site.Problems;
        await pods.RetireAsync(cancellationToken).ConfigureAwait(false);
        await SyncRelaysAsync(podStates).ConfigureAwait(false);
        await ReportAsync(snapshot, podStates, services, cancellationToken).ConfigureAwait(false);
    }

    private async Task SyncClusterIpsAsync(ServiceDirectory services, CancellationToken cancellationToken)
    {
        var wanted = services.Services.Select(ServiceDirectory.ClusterIp).OfType<IPAddress>().ToHashSet();
        foreach (var address in wanted.Except(clusterIps).ToList())
        {
            await Network.Namespace.AddLoopbackAddressAsync(address, cancellationToken).ConfigureAwait(false);
            clusterIps.Add(address);
        }

        foreach (var address in clusterIps.Except(wanted).ToList())
        {
            await Network.Namespace.RemoveLoopbackAddressAsync(address, cancellationToken).ConfigureAwait(false);
            clusterIps.Remove(address);
        }
    }

    /// <summary>tls-passthrough: the pods present the host's certificate, as an application holding it would.</summary>
    private void MountPassthroughCertificates(NginxSite site)
    {
        if (site.Passthrough.Count == 0) return;
        foreach (var route in site.Passthrough.Where(r => r.Certificate is not null))
        {
            var stem = Path.Combine("passthrough", route.Host);
            directory.WriteFile(stem + ".key", File.ReadAllText(route.Certificate!.KeyPath));
            directory.WriteFile(stem + ".crt", route.Certificate.ChainPem);
        }
    }

    /// <summary>pods-exposed: each pod port is also reachable from the host's loopback at the same address and port.</summary>
    private async Task SyncRelaysAsync(IReadOnlyList<PodState> podStates)
    {
        var wanted = options.Faults.Has(FaultSwitch.PodsExposed)
            ? podStates.Where(p => p is { Phase: PodPhase.Running, HostNetwork: false, Address: not null })
                .SelectMany(p => p.Ports.Select(port => new IPEndPoint(p.Address!, port.Number)))
                .ToHashSet()
            : [];
        foreach (var endpoint in relays.Keys.Except(wanted).ToList())
        {
            await relays[endpoint].DisposeAsync().ConfigureAwait(false);
            relays.Remove(endpoint);
        }

        foreach (var endpoint in wanted.Except(relays.Keys).ToList())
        {
            var target = endpoint;
            relays[endpoint] = TcpRelay.Start(endpoint, token => Network.Namespace.ConnectAsync(target, token));
        }
    }

    private async Task CloseRelaysAsync()
    {
        foreach (var relay in relays.Values) await relay.DisposeAsync().ConfigureAwait(false);
        relays.Clear();
    }

    private async Task ReportAsync(ClusterSnapshot snapshot, IReadOnlyList<PodState> podStates, ServiceDirectory services, CancellationToken cancellationToken)
    {
        var deployments = snapshot.Deployments.ToDictionary(d => d.Metadata.NamespaceProperty + "/" + d.Metadata.Name, StringComparer.Ordinal);
        var podObjects = podStates
            .Where(p => deployments.ContainsKey(p.Namespace + "/" + p.Deployment))
            .Select(p => PodObjects.Pod(p, deployments[p.Namespace + "/" + p.Deployment], Network.IngressAddress))
            .ToList();
        var endpoints = services.Services.Where(s => s.Spec?.Selector is { Count: > 0 }).Select(services.EndpointsOf).ToList();
        var statuses = snapshot.Deployments
            .Select(d => (d, PodObjects.DeploymentStatus(d, [.. podStates.Where(p => p.Namespace == d.Metadata.NamespaceProperty && p.Deployment == d.Metadata.Name)])))
            .ToList();
        var loadBalancer = new V1IngressStatus
        {
            LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Ip = Network.IngressAddress.ToString() }] },
        };
        var ingresses = snapshot.Ingresses.Where(i => builder!.IsOurs(i, snapshot.IngressClasses)).Select(i => (i, loadBalancer)).ToList();
        await reporter!.ReportAsync(podObjects, endpoints, statuses, ingresses, cancellationToken).ConfigureAwait(false);
        if (reporter.Failures.Count > 0) Problems = [.. Problems, .. reporter.Failures];
    }
}
