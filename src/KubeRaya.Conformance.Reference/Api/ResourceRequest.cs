namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// What a resource URL addresses: a collection (<c>/api/v1/namespaces/{ns}/secrets</c>, or across namespaces
/// <c>/apis/networking.k8s.io/v1/ingresses</c>), one object, or its <c>status</c> subresource.
/// </summary>
/// <param name="Kind">The resource.</param>
/// <param name="Namespace">The namespace in the URL; null for cluster-scoped resources and lists across namespaces.</param>
/// <param name="Name">The object name; null for the collection.</param>
/// <param name="Subresource">"status", or null for the object itself.</param>
internal sealed record ResourceRequest(ResourceKind Kind, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Parses the path segments after <c>/api/v1</c> or <c>/apis/{group}/{version}</c>; null when they address nothing served.</summary>
    public static ResourceRequest? Parse(string group, string version, IReadOnlyList<string> segments)
    {
        if (segments.Count == 0) return null;
        ResourceRequest? request;
        if (segments is ["namespaces", var ns, var plural, ..] && ResourceCatalog.Find(group, version, plural) is { Namespaced: true } namespaced)
        {
            if (segments.Count > 5) return null;
            request = new ResourceRequest(namespaced, ns, At(segments, 3), At(segments, 4));
        }
        else
        {
            var kind = ResourceCatalog.Find(group, version, segments[0]);
            if (kind is null || segments.Count > 3) return null;
            request = new ResourceRequest(kind, null, At(segments, 1), At(segments, 2));
            if (kind.Namespaced && request.Name is not null) return null;
        }

        if (request.Name?.Length == 0 || request.Namespace?.Length == 0) return null;
        return request.Subresource is null || (request.Subresource == "status" && request.Kind.HasStatus) ? request : null;
    }

    private static string? At(IReadOnlyList<string> segments, int index) => index < segments.Count ? segments[index] : null;
}
