namespace KubeRaya.Conformance.Audit;

/// <summary>The settings of one audit.</summary>
public sealed record AuditOptions
{
    /// <summary>The namespaces of the platform itself, whose pods are not applications (KR-PRIV-03).</summary>
    public static IReadOnlySet<string> DefaultSystemNamespaces { get; } =
        new HashSet<string>(["kube-system", "kube-public", "kube-node-lease"], StringComparer.Ordinal);

    /// <summary>The time certificates are judged at; the start of the audit unless set.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>KR-CERT-04: how many days must remain before notAfter.</summary>
    public int RenewalWindowDays { get; init; } = 30;

    /// <summary>The namespace of manifests that name none.</summary>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>Namespaces whose workloads are the platform's, not applications.</summary>
    public IReadOnlySet<string> SystemNamespaces { get; init; } = DefaultSystemNamespaces;
}
