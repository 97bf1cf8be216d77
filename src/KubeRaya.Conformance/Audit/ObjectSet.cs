using System.Collections.Concurrent;
using System.Security.Cryptography;
using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// The objects an audit judges, each with its origin, and the input that could not be read. The same set serves
/// manifests on disk, a live cluster, and the objects a deploy-mode scenario created: the judges see no difference
/// except <see cref="Scope"/>, which says whether an object missing from the set may exist elsewhere.
/// </summary>
public sealed class ObjectSet
{
    private readonly Dictionary<(string Namespace, string Name), AuditedObject<V1Secret>> secretsByName;
    private readonly Dictionary<(string Namespace, string Name), AuditedObject<V1Service>> servicesByName;
    private readonly Dictionary<string, List<Workload>> workloadsByNamespace;
    private readonly ConcurrentDictionary<string, SecretCertificate> certificatesByContent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AuditedObject<V1Secret>, SecretCertificate> certificates = new();
    private readonly Lazy<IReadOnlyList<TlsSecretReferences.Reference>> tlsReferences;

    internal ObjectSet(
        ObjectSetScope scope,
        IReadOnlyList<AuditedObject<V1Ingress>> ingresses,
        IReadOnlyList<AuditedObject<V1IngressClass>> ingressClasses,
        IReadOnlyList<AuditedObject<V1Service>> services,
        IReadOnlyList<AuditedObject<V1Secret>> secrets,
        IReadOnlyList<AuditedObject<V1ConfigMap>> configMaps,
        IReadOnlyList<AuditedObject<V1Pod>> pods,
        IReadOnlyList<AuditedObject<V1Deployment>> deployments,
        IReadOnlyList<AuditedObject<V1DaemonSet>> daemonSets,
        IReadOnlyList<AuditedObject<V1StatefulSet>> statefulSets,
        IReadOnlyList<Workload> workloads,
        IReadOnlyList<LoadProblem> problems)
    {
        Scope = scope;
        Ingresses = ingresses;
        IngressClasses = ingressClasses;
        Services = services;
        Secrets = secrets;
        ConfigMaps = configMaps;
        Pods = pods;
        Deployments = deployments;
        DaemonSets = daemonSets;
        StatefulSets = statefulSets;
        Workloads = workloads;
        Problems = problems;
        // A later declaration of the same object replaces an earlier one, as a later `kubectl apply` would.
        secretsByName = secrets.GroupBy(s => (s.Namespace, s.Name)).ToDictionary(g => g.Key, g => g.Last());
        servicesByName = services.GroupBy(s => (s.Namespace, s.Name)).ToDictionary(g => g.Key, g => g.Last());
        tlsReferences = new Lazy<IReadOnlyList<TlsSecretReferences.Reference>>(() => TlsSecretReferences.Of(this).ToList());
        workloadsByNamespace = workloads.GroupBy(w => w.Owner.Namespace, StringComparer.Ordinal)
                                        .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Whether an object missing from the set may exist elsewhere (manifests) or does not exist (cluster).</summary>
    public ObjectSetScope Scope { get; }

    /// <summary>Ingresses.</summary>
    public IReadOnlyList<AuditedObject<V1Ingress>> Ingresses { get; }
    /// <summary>IngressClasses (cluster-scoped: empty namespace).</summary>
    public IReadOnlyList<AuditedObject<V1IngressClass>> IngressClasses { get; }
    /// <summary>Services.</summary>
    public IReadOnlyList<AuditedObject<V1Service>> Services { get; }
    /// <summary>Secrets, holding only their <c>tls.crt</c> value (other values are emptied on load).</summary>
    public IReadOnlyList<AuditedObject<V1Secret>> Secrets { get; }
    /// <summary>ConfigMaps.</summary>
    public IReadOnlyList<AuditedObject<V1ConfigMap>> ConfigMaps { get; }
    /// <summary>Pods.</summary>
    public IReadOnlyList<AuditedObject<V1Pod>> Pods { get; }
    /// <summary>Deployments.</summary>
    public IReadOnlyList<AuditedObject<V1Deployment>> Deployments { get; }
    /// <summary>DaemonSets.</summary>
    public IReadOnlyList<AuditedObject<V1DaemonSet>> DaemonSets { get; }
    /// <summary>StatefulSets.</summary>
    public IReadOnlyList<AuditedObject<V1StatefulSet>> StatefulSets { get; }
    /// <summary>Pods and pod templates of every workload kind.</summary>
    public IReadOnlyList<Workload> Workloads { get; }
    /// <summary>Input that could not be read; every control is undecided for what it declared.</summary>
    public IReadOnlyList<LoadProblem> Problems { get; }

    /// <summary>Every object, kind by kind.</summary>
    public IEnumerable<AuditedObject> All =>
        Ingresses.Concat<AuditedObject>(IngressClasses).Concat(Services).Concat(Secrets).Concat(ConfigMaps)
                 .Concat(Pods).Concat(Deployments).Concat(DaemonSets).Concat(StatefulSets);

    /// <summary>The Secret of that name in that namespace, or null when the set holds none.</summary>
    public AuditedObject<V1Secret>? FindSecret(string namespaceName, string name) =>
        secretsByName.GetValueOrDefault((namespaceName, name));

    /// <summary>The Service of that name in that namespace, or null when the set holds none.</summary>
    public AuditedObject<V1Service>? FindService(string namespaceName, string name) =>
        servicesByName.GetValueOrDefault((namespaceName, name));

    /// <summary>The workloads of a namespace.</summary>
    public IReadOnlyList<Workload> WorkloadsIn(string namespaceName) =>
        workloadsByNamespace.TryGetValue(namespaceName, out var found) ? found : [];

    /// <summary>The certificate in a Secret's <c>tls.crt</c>, read once per Secret and once per distinct content.</summary>
    public SecretCertificate CertificateOf(AuditedObject<V1Secret> secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return certificates.GetOrAdd(secret, static (s, set) =>
        {
            var content = s.Value.Data?.TryGetValue(ObjectSetBuilder.CertificateKey, out var bytes) == true && bytes is not null ? bytes : [];
            var key = Convert.ToHexString(SHA256.HashData(content));
            return set.certificatesByContent.GetOrAdd(key, static (_, data) => SecretCertificate.Read(data), content);
        }, this);
    }

    /// <summary>Every <c>spec.tls</c> entry naming a Secret, resolved once for all the judges that read them.</summary>
    internal IReadOnlyList<TlsSecretReferences.Reference> TlsReferences => tlsReferences.Value;

    /// <summary>A set of in-memory objects, e.g. those a deploy-mode scenario created or read back.</summary>
    public static ObjectSet From(ObjectSetScope scope, IEnumerable<IKubernetesObject<V1ObjectMeta>> objects, string defaultNamespace = "default")
    {
        ArgumentNullException.ThrowIfNull(objects);
        var builder = new ObjectSetBuilder(defaultNamespace);
        foreach (var value in objects) builder.Add(value);
        return builder.Build(scope);
    }
}
