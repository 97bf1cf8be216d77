using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Collects objects (from manifests, a cluster, or objects a deploy-mode scenario holds) into an <see cref="ObjectSet"/>.
/// Kinds the audit does not judge are ignored. Secrets keep only their certificate: every other data value,
/// private keys included, is emptied on entry, so no key material outlives the load.
/// </summary>
public sealed class ObjectSetBuilder
{
    /// <summary>The data key of the certificate chain in a <c>kubernetes.io/tls</c> Secret.</summary>
    public const string CertificateKey = "tls.crt";

    private readonly string defaultNamespace;
    private readonly List<AuditedObject<V1Ingress>> ingresses = [];
    private readonly List<AuditedObject<V1IngressClass>> ingressClasses = [];
    private readonly List<AuditedObject<V1Service>> services = [];
    private readonly List<AuditedObject<V1Secret>> secrets = [];
    private readonly List<AuditedObject<V1ConfigMap>> configMaps = [];
    private readonly List<AuditedObject<V1Pod>> pods = [];
    private readonly List<AuditedObject<V1Deployment>> deployments = [];
    private readonly List<AuditedObject<V1DaemonSet>> daemonSets = [];
    private readonly List<AuditedObject<V1StatefulSet>> statefulSets = [];
    private readonly List<LoadProblem> problems = [];

    /// <summary>A builder that files objects without a namespace under <paramref name="defaultNamespace"/>.</summary>
    public ObjectSetBuilder(string defaultNamespace = "default")
    {
        ArgumentException.ThrowIfNullOrEmpty(defaultNamespace);
        this.defaultNamespace = defaultNamespace;
    }

    /// <summary>Adds an object; kinds the audit does not judge are ignored. Returns whether it was kept.</summary>
    public bool Add(IKubernetesObject<V1ObjectMeta> value, ObjectOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case V1Ingress ingress: ingresses.Add(Audited("Ingress", ingress, origin)); break;
            case V1IngressClass ingressClass: ingressClasses.Add(new AuditedObject<V1IngressClass>("IngressClass", "", ingressClass, origin)); break;
            case V1Service service: services.Add(Audited("Service", service, origin)); break;
            case V1Secret secret: secrets.Add(Audited("Secret", Scrubbed(secret), origin)); break;
            case V1ConfigMap configMap: configMaps.Add(Audited("ConfigMap", configMap, origin)); break;
            case V1Pod pod: pods.Add(Audited("Pod", pod, origin)); break;
            case V1Deployment deployment: deployments.Add(Audited("Deployment", deployment, origin)); break;
            case V1DaemonSet daemonSet: daemonSets.Add(Audited("DaemonSet", daemonSet, origin)); break;
            case V1StatefulSet statefulSet: statefulSets.Add(Audited("StatefulSet", statefulSet, origin)); break;
            default: return false;
        }
        return true;
    }

    /// <summary>Records input that could not be read.</summary>
    public void AddProblem(LoadProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problems.Add(problem);
    }

    /// <summary>The set, in the order objects were added.</summary>
    public ObjectSet Build(ObjectSetScope scope)
    {
        var workloads = new List<Workload>();
        workloads.AddRange(pods.Where(p => p.Value.Spec is not null).Select(p => new Workload(p, Labels(p.Value.Metadata), p.Value.Spec)));
        workloads.AddRange(Templates(deployments, d => d.Spec?.Template));
        workloads.AddRange(Templates(daemonSets, d => d.Spec?.Template));
        workloads.AddRange(Templates(statefulSets, d => d.Spec?.Template));
        return new ObjectSet(scope, ingresses, ingressClasses, services, secrets, configMaps, pods, deployments, daemonSets, statefulSets, workloads, problems);
    }

    private AuditedObject<T> Audited<T>(string kind, T value, ObjectOrigin? origin)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new(kind, string.IsNullOrEmpty(value.Metadata?.NamespaceProperty) ? defaultNamespace : value.Metadata.NamespaceProperty, value, origin);

    private static IEnumerable<Workload> Templates<T>(IEnumerable<AuditedObject<T>> owners, Func<T, V1PodTemplateSpec?> template)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        owners.Select(o => (Owner: o, Template: template(o.Value)))
              .Where(o => o.Template?.Spec is not null)
              .Select(o => new Workload(o.Owner, Labels(o.Template!.Metadata), o.Template.Spec));

    private static IReadOnlyDictionary<string, string> Labels(V1ObjectMeta? metadata) =>
        metadata?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>();

    private static V1Secret Scrubbed(V1Secret secret)
    {
        if (secret.StringData is { Count: > 0 } stringData)
        {
            // The API server folds stringData into data, stringData winning; do the same so the certificate has one home.
            secret.Data ??= new Dictionary<string, byte[]>();
            foreach (var (key, value) in stringData)
            {
                secret.Data[key] = System.Text.Encoding.UTF8.GetBytes(value ?? "");
            }
            secret.StringData = null;
        }
        if (secret.Data is { } data)
        {
            foreach (var key in data.Keys.Where(k => k != CertificateKey).ToList())
            {
                data[key] = [];
            }
        }
        return secret;
    }
}
