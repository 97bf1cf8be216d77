namespace KubeRaya.Conformance.Audit;

/// <summary>One Kubernetes object under audit, with the name verdicts use for it and where it was declared.</summary>
public abstract class AuditedObject
{
    private protected AuditedObject(string kind, string namespaceName, string name, ObjectOrigin? origin)
    {
        Kind = kind;
        Namespace = namespaceName;
        Name = name;
        Origin = origin;
        Reference = namespaceName.Length == 0 ? $"{kind}/{name}" : $"{kind}/{namespaceName}/{name}";
        Location = origin?.ToString();
    }

    /// <summary>The kind, e.g. <c>Ingress</c>.</summary>
    public string Kind { get; }

    /// <summary>The namespace; the audit's default namespace when the manifest names none; empty for cluster-scoped kinds.</summary>
    public string Namespace { get; }

    /// <summary>metadata.name.</summary>
    public string Name { get; }

    /// <summary>File and line for objects read from manifests; null for objects read from a cluster.</summary>
    public ObjectOrigin? Origin { get; }

    /// <summary><c>Kind/namespace/name</c>, as in <see cref="Controls.Verdict.Object"/>.</summary>
    public string Reference { get; }

    /// <summary><c>path:line</c> for objects from files, else null.</summary>
    public string? Location { get; }

    /// <summary>metadata.annotations, never null.</summary>
    public abstract IDictionary<string, string> Annotations { get; }

    /// <inheritdoc />
    public override string ToString() => Location is null ? Reference : $"{Reference} ({Location})";
}

/// <summary>An audited object together with its typed value.</summary>
/// <typeparam name="T">The KubernetesClient model type, e.g. <c>V1Ingress</c>.</typeparam>
public sealed class AuditedObject<T> : AuditedObject
    where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>
{
    internal AuditedObject(string kind, string namespaceName, T value, ObjectOrigin? origin)
        : base(kind, namespaceName, value.Metadata?.Name ?? "", origin)
    {
        Value = value;
    }

    /// <summary>The object as loaded.</summary>
    public T Value { get; }

    /// <inheritdoc />
    public override IDictionary<string, string> Annotations =>
        Value.Metadata?.Annotations ?? new Dictionary<string, string>();
}
