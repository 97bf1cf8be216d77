using System.Text.Json.Nodes;
using k8s;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// One committed change in the <see cref="ObjectStore"/>: an object added, modified or deleted, with the
/// object as it was right after the change (for a deletion: its last state).
/// </summary>
public sealed class ObjectChange
{
    private readonly JsonObject _snapshot;

    internal ObjectChange(WatchEventType type, ResourceKind resource, JsonObject snapshot, long resourceVersion, JsonObject? previous = null)
    {
        Previous = previous;
        Type = type;
        Resource = resource;
        _snapshot = snapshot;
        ResourceVersion = resourceVersion;
        Namespace = StoredObject.Namespace(snapshot);
        Name = StoredObject.Name(snapshot);
    }

    /// <summary>Added, Modified or Deleted.</summary>
    public WatchEventType Type { get; }

    /// <summary>The resource the object belongs to, e.g. <see cref="ResourceCatalog.Ingresses"/>.</summary>
    public ResourceKind Resource { get; }

    /// <summary>The object's namespace; empty for cluster-scoped objects.</summary>
    public string Namespace { get; }

    /// <summary>The object's name.</summary>
    public string Name { get; }

    /// <summary>The store's resource version after this change.</summary>
    public long ResourceVersion { get; }

    /// <summary>A private copy of the object after the change.</summary>
    public JsonObject Object => (JsonObject)_snapshot.DeepClone();

    /// <summary>The object after the change as a KubernetesClient model, e.g. <c>change.As&lt;V1Ingress&gt;()</c>.</summary>
    public T As<T>() => KubernetesJson.Deserialize<T>(_snapshot);

    /// <summary>For a modification, the object before it (shared; never mutate it), so a filtered watch can tell entering from leaving.</summary>
    internal JsonObject? Previous { get; }

    /// <summary>The shared snapshot; never mutate it.</summary>
    internal JsonObject Snapshot => _snapshot;

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Resource.QualifiedResource} {(Namespace.Length == 0 ? Name : $"{Namespace}/{Name}")} @{ResourceVersion}";
}
