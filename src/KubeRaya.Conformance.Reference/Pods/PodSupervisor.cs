using System.Net;
using k8s.Models;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference.Controller;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Reference.Network;

namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>
/// Plays the ReplicaSet and the kubelet: keeps, for every Deployment, <c>spec.replicas</c> echo processes of its
/// current template running inside the namespace, each on its own pod IP; probes each until it answers HTTP
/// (bounded by the pods-ready timeout) and reports changes through <c>changed</c>. A template change starts new pods
/// and retires the old ones once all new ones are ready. A pod whose process exits is reported Failed and not restarted.
/// Retired pods leave <see cref="Snapshot"/> at once but keep running until <see cref="RetireAsync"/> (called after
/// nginx stopped routing to them), so a rollout drops no request.
/// </summary>
internal sealed class PodSupervisor : IAsyncDisposable
{
    private static readonly int[] NodePortsTaken = [80, 443];

    private readonly PlatformNetwork network;
    private readonly PlatformDirectory directory;
    private readonly ReferenceDataPlaneOptions options;
    private readonly Action changed;
    private readonly PodAddressPool addresses = new(Random.Shared);
    private readonly Dictionary<string, RunningPod> pods = new(StringComparer.Ordinal);
    private readonly List<RunningPod> retiring = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly HttpClient probe;
    private readonly string logDirectory;

    public PodSupervisor(PlatformNetwork network, PlatformDirectory directory, ReferenceDataPlaneOptions options, Action changed)
    {
        this.network = network;
        this.directory = directory;
        this.options = options;
        this.changed = changed;
        probe = network.Namespace.CreateHttpClient();
        logDirectory = directory.Subdirectory("pods");
        PassthroughDirectory = directory.Subdirectory("passthrough");
    }

    /// <summary>Where the controller mounts tenant certificates for pods that terminate TLS (tls-passthrough).</summary>
    public string PassthroughDirectory { get; }

    private FaultSet Faults => options.Faults;

    /// <summary>Every current pod (not the retiring ones), ordered by namespace and name.</summary>
    public IReadOnlyList<PodState> Snapshot()
    {
        lock (pods) return [.. pods.Values.Select(p => p.State).OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>Starts and retires pods so that every Deployment has its replicas of its current template.</summary>
    public async Task ReconcileAsync(IReadOnlyList<V1Deployment> deployments, CancellationToken cancellationToken)
    {
        var wanted = deployments.ToDictionary(d => Key(d.Metadata.NamespaceProperty, d.Metadata.Name), StringComparer.Ordinal);
        List<RunningPod> current;
        lock (pods) current = [.. pods.Values];

        foreach (var orphan in current.Where(p => !wanted.ContainsKey(Key(p.State.Namespace, p.State.Deployment))))
            Retire(orphan);

        foreach (var (key, deployment) in wanted)
        {
            var hash = PodTemplate.Hash(deployment.Spec?.Template);
            var desired = Math.Max(0, deployment.Spec?.Replicas ?? 1);
            var mine = current.Where(p => Key(p.State.Namespace, p.State.Deployment) == key).ToList();
            var fresh = mine.Where(p => p.State.TemplateHash == hash).ToList();
            var stale = mine.Except(fresh).ToList();

            for (var i = fresh.Count; i < desired; i++)
                fresh.Add(await StartAsync(deployment, hash, cancellationToken).ConfigureAwait(false));

            foreach (var extra in fresh.OrderBy(p => p.State.Phase == PodPhase.Pending ? 0 : 1).ThenBy(p => p.State.Ready).ThenByDescending(p => p.State.Created).Take(fresh.Count - desired))
                Retire(extra);

            if (fresh.Count(p => p.State.Ready) >= desired)
                foreach (var old in stale) Retire(old);
        }
    }

    /// <summary>Stops the processes of retired pods and frees their addresses.</summary>
    public async Task RetireAsync(CancellationToken cancellationToken)
    {
        List<RunningPod> batch;
        lock (pods)
        {
            batch = [.. retiring];
            retiring.Clear();
        }

        await Task.WhenAll(batch.Select(p => StopAsync(p, cancellationToken))).ConfigureAwait(false);
    }

    private void Retire(RunningPod pod)
    {
        lock (pods)
        {
            if (!pods.Remove(Key(pod.State.Namespace, pod.State.Name))) return;
            retiring.Add(pod);
        }
    }

    private async Task<RunningPod> StartAsync(V1Deployment deployment, string hash, CancellationToken cancellationToken)
    {
        var ns = deployment.Metadata.NamespaceProperty;
        var name = PodTemplate.NewPodName(deployment.Metadata.Name, hash);
        var ports = PodTemplate.Ports(deployment.Spec?.Template);
        var hostNetwork = Faults.Has(FaultSwitch.HostNetwork);
        var tlsPort = Faults.Has(FaultSwitch.TlsPassthrough) ? PodTemplate.TlsPort(ports) : (int?)null;
        var state = new PodState(ns, name, deployment.Metadata.Name, hash, PodTemplate.Labels(deployment.Spec?.Template, hash),
            null, ports, tlsPort, PodPhase.Pending, false, hostNetwork, DateTimeOffset.UtcNow, null);
        var pod = new RunningPod(state);
        lock (pods) pods[Key(ns, name)] = pod;

        if (hostNetwork && HostPortConflict(ports, tlsPort) is { } taken)
        {
            pod.Update(s => s with { Message = $"0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports ({taken} is in use)." });
            return pod;
        }

        var address = hostNetwork ? network.IngressAddress : addresses.Allocate();
        if (!hostNetwork) await network.Namespace.AddLoopbackAddressAsync(address, cancellationToken).ConfigureAwait(false);
        var urls = ports.Select(p => $"http://{address}:{p.Number}").Concat(tlsPort is { } t ? [$"https://{address}:{t}"] : []);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["POD_NAME"] = name,
            ["NAMESPACE"] = ns,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_gcServer"] = "0",
            [KubeRaya.Conformance.Runs.ShortLivedProcess.CallCountingVariable] = KubeRaya.Conformance.Runs.ShortLivedProcess.CallCountingOff,
        };
        if (tlsPort is not null) environment["KR_ECHO_TLS_DIR"] = PassthroughDirectory;
        var (program, arguments) = options.EchoCommand(["--urls", string.Join(';', urls)]);
        var process = NamespaceProcess.Start(network.Namespace, program, arguments,
            environment, Path.Combine(logDirectory, $"{ns}_{name}.log"), $"pod {ns}/{name}");
        pod.Process = process;
        pod.Update(s => s with { Address = address, Phase = PodPhase.Running });
        _ = process.Exited.ContinueWith(_ => OnExited(pod), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ = Task.Run(() => ProbeUntilReadyAsync(pod, new IPEndPoint(address, ports[0].Number)), CancellationToken.None);
        return pod;
    }

    private int? HostPortConflict(IReadOnlyList<PodPort> ports, int? tlsPort)
    {
        var wanted = ports.Select(p => p.Number).Concat(tlsPort is { } t ? [t] : []).ToList();
        List<int> taken;
        lock (pods)
        {
            taken = [.. NodePortsTaken, .. pods.Values.Concat(retiring)
                .Where(p => p.State.HostNetwork && p.State.Phase == PodPhase.Running)
                .SelectMany(p => p.State.Ports.Select(x => x.Number).Concat(p.State.TlsPort is { } pt ? [pt] : []))];
        }

        return wanted.Cast<int?>().FirstOrDefault(p => taken.Contains(p!.Value));
    }

    private async Task ProbeUntilReadyAsync(RunningPod pod, IPEndPoint endpoint)
    {
        var uri = new Uri($"http://{endpoint}/");
        try
        {
            var result = await BoundedPoll.UntilAsync(
                async token =>
                {
                    if (pod.Process is { Exited.IsCompleted: true }) return false;
                    using var response = await probe.GetAsync(uri, token).ConfigureAwait(false);
                    return true;
                },
                answered => answered,
                options.Timeouts.PodsReady,
                stopping.Token,
                interval: TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
            if (result.Satisfied && pod.Process is { Exited.IsCompleted: false })
                pod.Update(s => s with { Ready = true, Message = null });
            else if (!result.Satisfied)
                pod.Update(s => s with { Message = $"did not answer HTTP on {endpoint} within the {options.Timeouts.PodsReady}" });
        }
        catch (OperationCanceledException)
        {
            return;
        }

        changed();
    }

    private void OnExited(RunningPod pod)
    {
        if (pod.Process is null || pod.Process.StopRequested) return;
        var tail = pod.Process.LogTail(5);
        pod.Update(s => s with { Phase = PodPhase.Failed, Ready = false, Message = $"the echo process exited unexpectedly. {tail}".Trim() });
        changed();
    }

    private async Task StopAsync(RunningPod pod, CancellationToken cancellationToken)
    {
        if (pod.Process is { } process)
            await process.StopAsync(NativeMethods.SigTerm, options.Timeouts.Cleanup, cancellationToken).ConfigureAwait(false);
        if (pod.State is { HostNetwork: false, Address: { } address })
        {
            await network.Namespace.RemoveLoopbackAddressAsync(address, cancellationToken).ConfigureAwait(false);
            addresses.Release(address);
        }
    }

    /// <summary>Kills every pod process at once, synchronously (process exit path).</summary>
    public void Kill()
    {
        lock (pods)
        {
            foreach (var pod in pods.Values.Concat(retiring)) pod.Process?.Kill();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        lock (pods)
        {
            retiring.AddRange(pods.Values);
            pods.Clear();
        }

        await RetireAsync(CancellationToken.None).ConfigureAwait(false);
        probe.Dispose();
        stopping.Dispose();
    }

    private static string Key(string ns, string name) => ns + "/" + name;

    private sealed class RunningPod(PodState state)
    {
        private readonly Lock gate = new();
        private PodState current = state;

        public PodState State => Volatile.Read(ref current);

        public NamespaceProcess? Process { get; set; }

        public void Update(Func<PodState, PodState> change)
        {
            lock (gate) Volatile.Write(ref current, change(current));
        }
    }
}
