using k8s;
using k8s.Models;
using KubeRaya.Conformance.Reference.Api;
using KubeRaya.Conformance.Reference.Controller;
using KubeRaya.Conformance.Reference.Faults;

namespace KubeRaya.Conformance.Reference;

/// <summary>
/// The reference platform: a test double of a cluster built from real parts. The Kubernetes API server (Kestrel,
/// its own CA and token) stores objects; every change to Deployments, Services, Ingresses, IngressClasses and
/// Secrets is handed to the data plane (nginx with ingress-nginx behaviour, echo pods in a network namespace),
/// which reports Pods, Endpoints and statuses back. Faults switch one control's behaviour off for calibration.
/// </summary>
public sealed class ReferencePlatform : IAsyncDisposable
{
    /// <summary>The IngressClass the platform's controller serves, marked as the cluster default.</summary>
    public const string IngressClassName = "kuberaya-nginx";

    /// <summary>The controller name in the IngressClass.</summary>
    public const string ControllerName = "kuberaya.io/reference-ingress-nginx";

    private readonly ReferenceApiServer _api;
    private readonly ReferenceDataPlane _dataPlane;
    private readonly DirectoryInfo _directory;
    private readonly Kubernetes? _faultClient;
    private int _disposed;

    private ReferencePlatform(ReferenceApiServer api, ReferenceDataPlane dataPlane, DirectoryInfo directory, string kubeconfigPath, FaultSet faults, Kubernetes? faultClient)
    {
        _api = api;
        _dataPlane = dataPlane;
        _directory = directory;
        KubeconfigPath = kubeconfigPath;
        Faults = faults;
        _faultClient = faultClient;
    }

    /// <summary>A kubeconfig (0600) for the platform's API server, usable by KubernetesClient and kubectl.</summary>
    public string KubeconfigPath { get; }

    /// <summary>The address the ingress listens on (inside the platform's own network namespace), ports 80 and 443.</summary>
    public string IngressAddress => _dataPlane.IngressAddress.ToString();

    /// <summary>The API server's URL.</summary>
    public Uri ApiServer => _api.Endpoint!.Server;

    /// <summary>The faults switched on.</summary>
    public FaultSet Faults { get; }

    /// <summary>The Kubernetes version the API server reports.</summary>
    public static string KubernetesVersion => "v1.32.0+kuberaya-reference";

    /// <summary>Starts the API server and the data plane, and writes the kubeconfig.</summary>
    public static async Task<ReferencePlatform> StartAsync(FaultSet faults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var directory = Directory.CreateTempSubdirectory("kr-reference-");
        ReferenceApiServer? api = null;
        ReferenceDataPlane? dataPlane = null;
        try
        {
            api = new ReferenceApiServer();
            var endpoint = await api.StartAsync(cancellationToken).ConfigureAwait(false);
            var kubeconfig = KubeconfigWriter.Write(endpoint, Path.Combine(directory.FullName, "kubeconfig"));
            api.Store.Upsert(new V1IngressClass
            {
                Metadata = new V1ObjectMeta
                {
                    Name = IngressClassName,
                    Annotations = new Dictionary<string, string> { ["ingressclass.kubernetes.io/is-default-class"] = "true" },
                },
                Spec = new V1IngressClassSpec { Controller = ControllerName },
            }.Initialize());
            dataPlane = await ReferenceDataPlane.StartAsync(new ReferenceDataPlaneOptions
            {
                Sink = new StoreStateSink(api.Store),
                Faults = faults,
                IngressClassName = IngressClassName,
            }, cancellationToken).ConfigureAwait(false);
            var faultClient = faults.Has(FaultSwitch.ServicesNodePort)
                ? new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig))
                : null;
            var platform = new ReferencePlatform(api, dataPlane, directory, kubeconfig, faults, faultClient);
            api.Store.Changed += platform.OnStoreChanged;
            dataPlane.OnClusterChanged(platform.Snapshot());
            return platform;
        }
        catch
        {
            if (dataPlane is not null) await dataPlane.DisposeAsync().ConfigureAwait(false);
            if (api is not null) await api.DisposeAsync().ConfigureAwait(false);
            directory.Delete(recursive: true);
            throw;
        }
    }

    private void OnStoreChanged(object? sender, ObjectChange change)
    {
        switch (change.Resource.Plural)
        {
            case "deployments" or "services" or "ingresses" or "ingressclasses" or "secrets" or "namespaces":
                _dataPlane.OnClusterChanged(Snapshot());
                break;
        }
        if (_faultClient is not null && change.Resource.Plural == "services" && change.Type != WatchEventType.Deleted)
            ExposeOnNodePort(change.Namespace, change.Name);
    }

    // The services-nodeport fault: the platform turns every ClusterIP Service into a NodePort one, through the
    // API (so a node port is allocated), outside the request that created it.
    private void ExposeOnNodePort(string ns, string name)
    {
        var service = _api.Store.Get<V1Service>(ns, name);
        if (service?.Spec?.Type is not "ClusterIP" || Volatile.Read(ref _disposed) != 0) return;
        var patch = new V1Patch("{\"spec\":{\"type\":\"NodePort\"}}", V1Patch.PatchType.MergePatch);
        _ = Task.Run(async () =>
        {
            try
            {
                await _faultClient!.CoreV1.PatchNamespacedServiceAsync(patch, name, ns).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or k8s.Autorest.HttpOperationException or ObjectDisposedException or OperationCanceledException)
            {
                // The Service went away, or the platform is stopping.
            }
        });
    }

    private ClusterSnapshot Snapshot() => new(
        _api.Store.List<V1Deployment>(),
        _api.Store.List<V1Service>(),
        _api.Store.List<V1Ingress>(),
        _api.Store.List<V1IngressClass>(),
        _api.Store.List<V1Secret>());

    /// <summary>Stops the data plane (processes, namespace, links, files) and the API server; idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _api.Store.Changed -= OnStoreChanged;
        // Each step runs whatever the one before did: a data plane that could not be removed completely must not
        // leave the API server running or its kubeconfig (which holds the platform's credentials) on disk.
        try
        {
            await _dataPlane.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await _api.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                _faultClient?.Dispose();
                try
                {
                    _directory.Delete(recursive: true);
                }
                catch (DirectoryNotFoundException)
                {
                }
            }
        }
    }
}
