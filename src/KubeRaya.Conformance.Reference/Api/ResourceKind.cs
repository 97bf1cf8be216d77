namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// One kind of object the reference API server serves: where it lives in the REST API
/// (<c>/api/v1/namespaces/{ns}/secrets</c>, <c>/apis/networking.k8s.io/v1/ingresses</c>), how discovery
/// describes it, and which rules the server applies when it is written.
/// </summary>
/// <remarks>Instances are the singletons of <see cref="ResourceCatalog"/>; compare them by reference.</remarks>
public sealed class ResourceKind
{
    internal ResourceKind(string group, string version, string plural, string kind, bool namespaced, Type modelType)
    {
        Group = group;
        Version = version;
        Plural = plural;
        Kind = kind;
        Namespaced = namespaced;
        ModelType = modelType;
    }

    /// <summary>API group; empty for the core group.</summary>
    public string Group { get; }

    /// <summary>API version within the group, e.g. <c>v1</c>.</summary>
    public string Version { get; }

    /// <summary>The resource name in URLs, e.g. <c>ingresses</c>.</summary>
    public string Plural { get; }

    /// <summary>The object kind, e.g. <c>Ingress</c>.</summary>
    public string Kind { get; }

    /// <summary>True for namespaced resources, false for cluster-scoped ones (namespaces, ingressclasses).</summary>
    public bool Namespaced { get; }

    /// <summary>The KubernetesClient model type, e.g. <c>V1Ingress</c>.</summary>
    public Type ModelType { get; }

    /// <summary>Short names kubectl accepts, e.g. <c>ing</c>.</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Categories, e.g. <c>all</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>True when the resource has a <c>/status</c> subresource; the main resource then ignores status changes.</summary>
    public bool HasStatus { get; init; }

    /// <summary>True when <c>metadata.generation</c> counts spec changes.</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>True when PUT on a missing object creates it (as for Endpoints).</summary>
    public bool AllowCreateOnUpdate { get; init; }

    /// <summary>Field selector labels beyond <c>metadata.name</c> and <c>metadata.namespace</c>.</summary>
    public IReadOnlyList<string> FieldLabels { get; init; } = [];

    /// <summary>The <c>apiVersion</c> of objects of this kind: <c>v1</c> or <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind of a list of these objects, e.g. <c>IngressList</c>.</summary>
    public string ListKind => Kind + "List";

    /// <summary>The singular resource name, e.g. <c>ingress</c>.</summary>
    public string Singular => Kind.ToLowerInvariant();

    /// <summary>The resource qualified by its group as error messages name it, e.g. <c>ingresses.networking.k8s.io</c>.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The kind qualified by its group as error messages name it, e.g. <c>Ingress.networking.k8s.io</c>.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>The rules applied when objects of this kind are written through the REST API.</summary>
    internal ResourceStrategy Strategy { get; init; } = null!;

    /// <inheritdoc />
    public override string ToString() => QualifiedResource;
}
