using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// The resources the reference API server serves: namespaces, secrets, configmaps, services, pods, endpoints
/// and events (core v1), endpointslices (discovery.k8s.io/v1), deployments, daemonsets and statefulsets (apps/v1), ingresses and
/// ingressclasses (networking.k8s.io/v1).
/// </summary>
public static class ResourceCatalog
{
    /// <summary>namespaces (v1, cluster-scoped).</summary>
    public static ResourceKind Namespaces { get; } = new("", "v1", "namespaces", "Namespace", false, typeof(V1Namespace))
    {
        ShortNames = ["ns"],
        HasStatus = true,
        FieldLabels = ["status.phase"],
        Strategy = new NamespaceStrategy(),
    };

    /// <summary>secrets (v1).</summary>
    public static ResourceKind Secrets { get; } = new("", "v1", "secrets", "Secret", true, typeof(V1Secret))
    {
        FieldLabels = ["type"],
        Strategy = new SecretStrategy(),
    };

    /// <summary>configmaps (v1).</summary>
    public static ResourceKind ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap", true, typeof(V1ConfigMap))
    {
        ShortNames = ["cm"],
        Strategy = new ConfigMapStrategy(),
    };

    /// <summary>services (v1).</summary>
    public static ResourceKind Services { get; } = new("", "v1", "services", "Service", true, typeof(V1Service))
    {
        ShortNames = ["svc"],
        Categories = ["all"],
        HasStatus = true,
        Strategy = new ServiceStrategy(),
    };

    /// <summary>pods (v1).</summary>
    public static ResourceKind Pods { get; } = new("", "v1", "pods", "Pod", true, typeof(V1Pod))
    {
        ShortNames = ["po"],
        Categories = ["all"],
        HasStatus = true,
        FieldLabels = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"],
        Strategy = new PodStrategy(),
    };

    /// <summary>endpoints (v1).</summary>
    public static ResourceKind Endpoints { get; } = new("", "v1", "endpoints", "Endpoints", true, typeof(V1Endpoints))
    {
        ShortNames = ["ep"],
        AllowCreateOnUpdate = true,
        Strategy = new EndpointsStrategy(),
    };

    /// <summary>endpointslices (discovery.k8s.io/v1), which <c>kubectl describe</c> reads for Services and Ingress backends.</summary>
    public static ResourceKind EndpointSlices { get; } = new("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, typeof(V1EndpointSlice))
    {
        Strategy = new EndpointSliceStrategy(),
    };

    /// <summary>events (v1), so that <c>kubectl describe</c> finds an (empty) event list.</summary>
    public static ResourceKind Events { get; } = new("", "v1", "events", "Event", true, typeof(Corev1Event))
    {
        ShortNames = ["ev"],
        AllowCreateOnUpdate = true,
        FieldLabels = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
            "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        Strategy = new ResourceStrategy<Corev1Event>(),
    };

    /// <summary>deployments (apps/v1).</summary>
    public static ResourceKind Deployments { get; } = new("apps", "v1", "deployments", "Deployment", true, typeof(V1Deployment))
    {
        ShortNames = ["deploy"],
        Categories = ["all"],
        HasStatus = true,
        TracksGeneration = true,
        Strategy = new DeploymentStrategy(),
    };

    /// <summary>
    /// daemonsets (apps/v1): stored and listed, so that what reads a cluster (the live audit) sees them; the reference
    /// platform runs no pods for them (its one node runs Deployments' pods only).
    /// </summary>
    public static ResourceKind DaemonSets { get; } = new("apps", "v1", "daemonsets", "DaemonSet", true, typeof(V1DaemonSet))
    {
        ShortNames = ["ds"],
        Categories = ["all"],
        HasStatus = true,
        TracksGeneration = true,
        Strategy = new ResourceStrategy<V1DaemonSet>(),
    };

    /// <summary>statefulsets (apps/v1): stored and listed like <see cref="DaemonSets"/>, no pods run for them.</summary>
    public static ResourceKind StatefulSets { get; } = new("apps", "v1", "statefulsets", "StatefulSet", true, typeof(V1StatefulSet))
    {
        ShortNames = ["sts"],
        Categories = ["all"],
        HasStatus = true,
        TracksGeneration = true,
        Strategy = new ResourceStrategy<V1StatefulSet>(),
    };

    /// <summary>ingresses (networking.k8s.io/v1).</summary>
    public static ResourceKind Ingresses { get; } = new("networking.k8s.io", "v1", "ingresses", "Ingress", true, typeof(V1Ingress))
    {
        ShortNames = ["ing"],
        HasStatus = true,
        TracksGeneration = true,
        Strategy = new IngressStrategy(),
    };

    /// <summary>ingressclasses (networking.k8s.io/v1, cluster-scoped).</summary>
    public static ResourceKind IngressClasses { get; } = new("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, typeof(V1IngressClass))
    {
        TracksGeneration = true,
        Strategy = new IngressClassStrategy(),
    };

    /// <summary>Every resource served, namespaces first.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
        [Namespaces, Secrets, ConfigMaps, Services, Pods, Endpoints, EndpointSlices, Events, Deployments, DaemonSets, StatefulSets, Ingresses, IngressClasses];

    /// <summary>The resource served at <c>group/version/plural</c>, or null.</summary>
    public static ResourceKind? Find(string group, string version, string plural) =>
        All.FirstOrDefault(k => k.Group == group && k.Version == version && k.Plural == plural);

    /// <summary>The resource whose objects are the KubernetesClient model <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">When the reference API server does not serve that kind.</exception>
    public static ResourceKind For<T>() =>
        All.FirstOrDefault(k => k.ModelType == typeof(T))
        ?? throw new ArgumentException($"The reference API server does not serve {typeof(T).Name}.", nameof(T));
}
