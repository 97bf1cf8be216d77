using System.Net;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Reference.Network;
using KubeRaya.Conformance.Reference.Pods;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// The data plane of the reference platform: a network namespace joined to the host by a link-local veth, nginx
/// inside it on the ingress address (ports 80 and 443) rendered from the Ingresses like ingress-nginx, the pods of
/// every Deployment as echo processes on 127.244.x.y addresses of the namespace's loopback, ClusterIPs proxied inside
/// the namespace, and the faults. It acts on the <see cref="ClusterSnapshot"/>s the API server hands to
/// <see cref="OnClusterChanged"/> and reports back through <see cref="IClusterStateSink"/>.
/// Stopping (also on failure, Ctrl-C, SIGTERM or process exit) removes every process, the namespace, the veth and the
/// temp directory; <see cref="SweepLeftoversAsync"/> removes what crashed runs left behind.
/// </summary>
public sealed partial class ReferenceDataPlane : IAsyncDisposable, IClusterChangeListener
{
    private readonly ReferenceDataPlaneOptions options;
    private readonly PlatformDirectory directory;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource stopping = new();
    private readonly List<IDisposable> signalRegistrations = [];
    private readonly Lock gate = new();
    private PlatformNetwork? network;
    private NginxServer? nginx;
    private PodSupervisor? pods;
    private Task? loop;
    private Task? stopTask;

    private ReferenceDataPlane(string id, ReferenceDataPlaneOptions options, PlatformDirectory directory)
    {
        Id = id;
        this.options = options;
        this.directory = directory;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            signalRegistrations.Add(PosixSignalRegistration.Create(signal, _ => StopNow()));
    }

    /// <summary>The platform id (the namespace is <c>kr-&lt;id&gt;</c>).</summary>
    public string Id { get; }

    /// <summary>The faults switched on.</summary>
    public FaultSet Faults => options.Faults;

    /// <summary>Where nginx listens on ports 80 and 443: the namespace end of the veth pair.</summary>
    public IPAddress IngressAddress => Network.IngressAddress;

    /// <summary>The platform's network (namespace, veth, subnet).</summary>
    public PlatformNetwork Network => network ?? throw new InvalidOperationException("The data plane has no network yet.");

    /// <summary>The private temp directory (nginx configuration and logs, pod logs, 0600 key files).</summary>
    public string DirectoryPath => directory.Path;

    /// <summary>The nginx configuration currently served.</summary>
    public string ConfigurationPath => Path.Combine(directory.Path, "nginx", "nginx.conf");

    /// <summary>What the sweep before start removed or could not remove (leftovers of crashed runs).</summary>
    public IReadOnlyList<string> SweptAtStart { get; private set; } = [];

    /// <summary>The current pods.</summary>
    public IReadOnlyList<PodState> Pods => pods?.Snapshot() ?? [];

    /// <summary>
    /// Starts a platform instance: sweeps what crashed runs left (best effort; see <see cref="SweepLeftoversAsync"/>),
    /// registers its owner, creates its directory, namespace and veth, and starts nginx with an empty configuration
    /// (the default server only). On failure, everything made so far is removed.
    /// </summary>
    public static async Task<ReferenceDataPlane> StartAsync(ReferenceDataPlaneOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.NginxPath)) throw new FileNotFoundException($"nginx was not found at {options.NginxPath} (install nginx-light).", options.NginxPath);
        if (!File.Exists(options.EchoAssemblyPath)) throw new FileNotFoundException($"The echo backend was not found at {options.EchoAssemblyPath}.", options.EchoAssemblyPath);
        if (options.Faults.Has(FaultSwitch.TlsPassthrough) && !File.Exists(options.StreamModulePath))
            throw new FileNotFoundException($"The tls-passthrough fault needs the nginx stream module at {options.StreamModulePath} (install libnginx-mod-stream).", options.StreamModulePath);

        var swept = await SweepQuietlyAsync(cancellationToken).ConfigureAwait(false);
        var id = PlatformNetwork.NewId();
        InstanceRegistry.Register(id, ProcessOwner.Current, PlatformDirectory.PathFor(id));
        var plane = new ReferenceDataPlane(id, options, PlatformDirectory.Create(id));
        try
        {
            await plane.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            plane.SweptAtStart = swept;
            return plane;
        }
        catch
        {
            await plane.StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        network = await PlatformNetwork.CreateAsync(Id, options.Timeouts, cancellationToken).ConfigureAwait(false);
        tlsStore = new TlsSecretStore(directory, options.Faults.Has(FaultSwitch.SecretUpdatesIgnored));
        authStore = new AuthFileStore(directory);
        builder = new SiteBuilder(options.IngressClassName, options.Faults, tlsStore, authStore);
        pods = new PodSupervisor(network, directory, options, Wake);
        var layout = new NginxLayout(directory.Subdirectory("nginx"));
        var site = builder.Build(ClusterSnapshot.Empty, new ServiceDirectory([], []), network.IngressAddress, StreamModule is not null);
        renderedAt = NginxConfigRenderer.Render(site, layout, 0, StreamModule);
        nginx = await NginxServer.StartAsync(network.Namespace, layout, options, renderedAt, 0, cancellationToken).ConfigureAwait(false);
        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
    }

    private string? StreamModule => File.Exists(options.StreamModulePath) ? options.StreamModulePath : null;

    /// <summary>
    /// Stops everything this instance started, in order: the reconcile loop, host relays, pods, nginx, then the
    /// namespace (with anything still inside), the veth, the temp directory and the owner record. Idempotent and
    /// safe to call concurrently; throws when something could not be removed.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (gate) return stopTask ??= StopCoreAsync(cancellationToken);
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        async Task Step(Func<Task> step)
        {
            try
            {
                await step().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null) await Step(async () => await loop.ConfigureAwait(false)).ConfigureAwait(false);
        await Step(async () => await CloseRelaysAsync().ConfigureAwait(false)).ConfigureAwait(false);
        if (pods is not null) await Step(async () => await pods.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
        if (nginx is not null) await Step(async () => await nginx.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
        await Step(() => PlatformNetwork.DestroyAsync(Id, options.Timeouts, cancellationToken)).ConfigureAwait(false);
        await Step(() =>
        {
            PlatformDirectory.Delete(directory.Path);
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        if (failures.Count == 0) InstanceRegistry.Remove(Id);
        foreach (var registration in signalRegistrations) registration.Dispose();
        if (failures.Count > 0)
            throw new AggregateException($"Reference platform {Id} could not be removed completely; the next SweepLeftoversAsync will retry.", failures);
    }

    /// <summary>Kills everything at once and removes it, synchronously: for Ctrl-C, SIGTERM and process exit.</summary>
    private void StopNow()
    {
        pods?.Kill();
        nginx?.Kill();
        using var bound = new CancellationTokenSource(options.Timeouts.Cleanup.Value);
        try
        {
            StopAsync(bound.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is AggregateException or OperationCanceledException)
        {
            // Nothing more can be done while the process is going away; SweepLeftoversAsync removes the rest later.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopNow();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        stopping.Dispose();
    }
}
