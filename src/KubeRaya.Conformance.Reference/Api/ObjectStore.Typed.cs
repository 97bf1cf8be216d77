using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

public sealed partial class ObjectStore
{
    /// <summary>One object as a KubernetesClient model (e.g. <c>V1Deployment</c>), or null when there is none.</summary>
    /// <param name="ns">The namespace; ignored for cluster-scoped resources.</param>
    /// <param name="name">The object name.</param>
    public T? Get<T>(string? ns, string name) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var found = Get(ResourceCatalog.For<T>(), ns, name);
        return found is null ? null : KubernetesJson.Deserialize<T>(found);
    }

    /// <summary>All objects of a kind as KubernetesClient models, in one namespace or (null) in all.</summary>
    public IReadOnlyList<T> List<T>(string? ns = null) where T : class, IKubernetesObject<V1ObjectMeta> =>
        [.. List(ResourceCatalog.For<T>(), ns).Select(o => KubernetesJson.Deserialize<T>(o))];

    /// <summary>
    /// Creates the object, or replaces the stored one of that name unconditionally (whatever its resource version),
    /// status included, keeping its uid and creation time. Returns the object as stored.
    /// </summary>
    /// <exception cref="ApiStatusException">404 when the object's namespace does not exist.</exception>
    /// <exception cref="ArgumentException">When the object has no name, or no namespace though it needs one.</exception>
    public T Upsert<T>(T obj) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        var kind = ResourceCatalog.For<T>();
        var (ns, name) = Identify(kind, obj);
        var json = StoredObject.FromModel(obj);
        if (!kind.Namespaced) StoredObject.Metadata(json).Remove("namespace");
        var stored = Transact(() => FindLocked(kind, ns, name) is { } current
            ? ReplaceLocked(kind, current, json, dryRun: false)
            : InsertLocked(kind, json, dryRun: false));
        return KubernetesJson.Deserialize<T>(stored);
    }

    /// <summary>
    /// Replaces only the <c>status</c> of the stored object of that name with the given object's status (as a write to
    /// the <c>/status</c> subresource does, without a resource version check). Returns the object as stored, or null
    /// when there is no such object (it may have just been deleted).
    /// </summary>
    public T? UpdateStatus<T>(T obj) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        var kind = ResourceCatalog.For<T>();
        var (ns, name) = Identify(kind, obj);
        var status = StoredObject.FromModel(obj)["status"];
        var stored = Transact(() =>
        {
            if (FindLocked(kind, ns, name) is not { } current) return null;
            var updated = (System.Text.Json.Nodes.JsonObject)current.DeepClone();
            updated["status"] = status?.DeepClone();
            return ReplaceLocked(kind, current, updated, dryRun: false);
        });
        return stored is null ? null : KubernetesJson.Deserialize<T>(stored);
    }

    /// <summary>
    /// Deletes one object, with its dependents (objects whose <c>metadata.ownerReferences</c> name its uid) and, for a
    /// namespace, everything in it. Returns false when there was no such object.
    /// </summary>
    public bool Delete<T>(string? ns, string name) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var kind = ResourceCatalog.For<T>();
        return Transact(() =>
        {
            if (FindLocked(kind, ns, name) is not { } current) return false;
            RemoveLocked(kind, current, orphanDependents: false, dryRun: false);
            return true;
        });
    }

    private static (string Namespace, string Name) Identify(ResourceKind kind, IKubernetesObject<V1ObjectMeta> obj)
    {
        var name = obj.Metadata?.Name;
        if (string.IsNullOrEmpty(name)) throw new ArgumentException($"A {kind.Kind} needs metadata.name.", nameof(obj));
        var ns = obj.Metadata!.NamespaceProperty ?? "";
        if (kind.Namespaced && ns.Length == 0) throw new ArgumentException($"A {kind.Kind} needs metadata.namespace.", nameof(obj));
        return (kind.Namespaced ? ns : "", name);
    }
}
