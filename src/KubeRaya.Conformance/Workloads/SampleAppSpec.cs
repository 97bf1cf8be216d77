namespace KubeRaya.Conformance.Workloads;

/// <summary>A declared path of the sample app's Ingress.</summary>
/// <param name="Path">The path, starting with "/".</param>
/// <param name="PathType">Prefix or Exact.</param>
public sealed record DeclaredPath(string Path, string PathType);

/// <summary>What one sample app looks like: its namespace, names, public hosts, paths and ingress options.</summary>
public sealed record SampleAppSpec
{
    /// <summary>The echo image deployed on real clusters: the Gateway API conformance echo server, pinned.
    /// It answers JSON with the request's path, host, method, headers and the pod's name and namespace,
    /// the same contract as the reference platform's own echo backend.</summary>
    public const string DefaultImage = "registry.k8s.io/gateway-api/echo-basic:v20251204-v1.4.1";

    /// <summary>Namespace (created for the app).</summary>
    public required string Namespace { get; init; }
    /// <summary>Name shared by the Deployment, Service and Ingress.</summary>
    public required string Name { get; init; }
    /// <summary>Public hosts of the Ingress (each listed in its tls entry).</summary>
    public required IReadOnlyList<string> Hosts { get; init; }
    /// <summary>Paths the Ingress declares for each host.</summary>
    public IReadOnlyList<DeclaredPath> Paths { get; init; } = [new("/", "Prefix")];
    /// <summary>Name of the kubernetes.io/tls Secret.</summary>
    public required string TlsSecretName { get; init; }
    /// <summary>Type of that Secret: kubernetes.io/tls, except when calibration deploys a broken app on purpose.</summary>
    public string TlsSecretType { get; init; } = "kubernetes.io/tls";
    /// <summary>Pod replicas.</summary>
    public int Replicas { get; init; } = 1;
    /// <summary>IngressClass; null for the cluster's default.</summary>
    public string? IngressClass { get; init; }
    /// <summary>Ingress annotations (e.g. basic auth or rate limits).</summary>
    public IReadOnlyDictionary<string, string> IngressAnnotations { get; init; } = new Dictionary<string, string>();
    /// <summary>Extra Secrets created with the app (e.g. the htpasswd Secret for basic auth), name to data.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExtraSecrets { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
    /// <summary>Container image.</summary>
    public string Image { get; init; } = DefaultImage;
    /// <summary>Port the echo server listens on in the pod.</summary>
    public int ContainerPort { get; init; } = 3000;
    /// <summary>Port of the ClusterIP Service.</summary>
    public int ServicePort { get; init; } = 80;
}
