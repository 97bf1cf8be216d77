using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using k8s;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// The reference platform's cluster state: every object the API server holds, as JSON, keyed by resource,
/// namespace and name. It keeps the bookkeeping a real API server keeps (<c>metadata.uid</c>, a global
/// <c>resourceVersion</c> counter, <c>creationTimestamp</c>, <c>generation</c>), deletes a namespace's
/// contents with it and an owner's dependents with their owner (by <c>metadata.ownerReferences</c>), and
/// announces every committed change through <see cref="Changed"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Everything handed out is a private copy. Writes through this class (the typed helpers used by
/// the platform's controller) are trusted: they skip the validation the REST API applies. A write that changes
/// nothing is not committed and announces nothing, as on a real API server.
/// </remarks>
public sealed partial class ObjectStore
{
    private const int HistoryCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly Lock _deliveryGate = new();
    private readonly Dictionary<ResourceKind, SortedDictionary<ObjectKey, JsonObject>> _objects = [];
    private readonly ConcurrentQueue<ObjectChange> _undelivered = new();
    private readonly Queue<ObjectChange> _history = new();
    private readonly ConcurrentQueue<Exception> _handlerFailures = new();
    private readonly TimeProvider _clock;
    private long _revision;
    private long _compactedRevision;

    /// <summary>A store holding the namespaces every cluster starts with: default, kube-system, kube-public, kube-node-lease.</summary>
    /// <param name="clock">The clock for timestamps; the system clock when null.</param>
    public ObjectStore(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        foreach (var kind in ResourceCatalog.All) _objects[kind] = [];
        Transact(() =>
        {
            foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
            {
                InsertLocked(ResourceCatalog.Namespaces, NamespaceStrategy.NewNamespace(name), dryRun: false);
            }

            return 0;
        });
    }

    /// <summary>
    /// Raised after every committed change, in commit order, on the thread that made the change. Handlers must be
    /// quick and must not block on other threads that write to the store; an exception thrown by a handler is
    /// kept in <see cref="HandlerFailures"/> and does not undo the change.
    /// </summary>
    public event EventHandler<ObjectChange>? Changed;

    /// <summary>The resource version of the latest committed change.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_gate) return _revision;
        }
    }

    /// <summary>Exceptions thrown by <see cref="Changed"/> handlers (the most recent 32).</summary>
    public IReadOnlyList<Exception> HandlerFailures => [.. _handlerFailures];

    /// <summary>A copy of one object, or null when there is none.</summary>
    /// <param name="kind">The resource.</param>
    /// <param name="ns">The namespace; ignored for cluster-scoped resources.</param>
    /// <param name="name">The object name.</param>
    public JsonObject? Get(ResourceKind kind, string? ns, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        lock (_gate) return (JsonObject?)FindLocked(kind, ns, name)?.DeepClone();
    }

    /// <summary>Copies of all objects of a resource, in one namespace or (null) in all, ordered by namespace and name.</summary>
    public IReadOnlyList<JsonObject> List(ResourceKind kind, string? ns = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        lock (_gate) return [.. EnumerateLocked(kind, ns).Select(o => (JsonObject)o.DeepClone())];
    }

    /// <summary>Runs <paramref name="action"/> holding the store's lock, then announces the changes committed (also when it throws after committing some).</summary>
    internal T Transact<T>(Func<T> action)
    {
        try
        {
            lock (_gate) return action();
        }
        finally
        {
            if (!_gate.IsHeldByCurrentThread) Deliver();
        }
    }

    /// <summary>The stored object itself (never hand it out), or null. Requires the lock.</summary>
    internal JsonObject? FindLocked(ResourceKind kind, string? ns, string name) =>
        _objects[kind].GetValueOrDefault(KeyFor(kind, ns, name));

    /// <summary>The stored objects themselves (never hand them out). Requires the lock.</summary>
    internal IEnumerable<JsonObject> EnumerateLocked(ResourceKind kind, string? ns) =>
        kind.Namespaced && ns is not null
            ? _objects[kind].Where(p => p.Key.Namespace == ns).Select(p => p.Value)
            : _objects[kind].Values;

    /// <summary>
    /// Stores a new object, completing its bookkeeping metadata, and returns a copy as stored.
    /// A dry run completes the metadata on a copy and stores nothing. Requires the lock.
    /// </summary>
    internal JsonObject InsertLocked(ResourceKind kind, JsonObject obj, bool dryRun)
    {
        obj = (JsonObject)obj.DeepClone();
        var key = StoredObject.Key(obj);
        if (!kind.Namespaced) key = key with { Namespace = "" };
        if (kind.Namespaced && FindLocked(ResourceCatalog.Namespaces, null, key.Namespace) is null)
        {
            throw ApiStatusException.NamespaceNotFound(key.Namespace);
        }

        if (_objects[kind].ContainsKey(key)) throw ApiStatusException.AlreadyExists(kind, key.Name);

        obj["apiVersion"] = kind.ApiVersion;
        obj["kind"] = kind.Kind;
        var metadata = StoredObject.Metadata(obj);
        if (!kind.Namespaced) metadata.Remove("namespace");
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = StoredObject.Timestamp(_clock.GetUtcNow());
        metadata.Remove("deletionTimestamp");
        metadata.Remove("resourceVersion");
        if (kind.TracksGeneration) metadata["generation"] = 1L;
        else metadata.Remove("generation");
        if (dryRun) return obj;

        metadata["resourceVersion"] = NextRevision();
        _objects[kind][key] = obj;
        Record(WatchEventType.Added, kind, obj);
        return (JsonObject)obj.DeepClone();
    }

    /// <summary>
    /// Replaces a stored object, keeping its identity (uid, creation time), counting its generation, and returns a
    /// copy as stored; a replacement that changes nothing commits nothing. Requires the lock.
    /// </summary>
    internal JsonObject ReplaceLocked(ResourceKind kind, JsonObject current, JsonObject obj, bool dryRun)
    {
        obj = (JsonObject)obj.DeepClone();
        obj["apiVersion"] = kind.ApiVersion;
        obj["kind"] = kind.Kind;
        var metadata = StoredObject.Metadata(obj);
        var currentMetadata = StoredObject.Metadata(current);
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "resourceVersion", "generation" })
        {
            metadata.Remove(field);
            if (currentMetadata[field] is { } value) metadata[field] = value.DeepClone();
        }

        if (kind.TracksGeneration && !JsonNode.DeepEquals(current["spec"], obj["spec"]))
        {
            var generation = currentMetadata["generation"] is { } counted ? long.Parse(counted.ToJsonString(), CultureInfo.InvariantCulture) : 0;
            metadata["generation"] = generation + 1;
        }

        if (JsonNode.DeepEquals(current, obj) || dryRun) return obj;

        metadata["resourceVersion"] = NextRevision();
        _objects[kind][StoredObject.Key(current)] = obj;
        Record(WatchEventType.Modified, kind, obj, current);
        return (JsonObject)obj.DeepClone();
    }

    /// <summary>
    /// Deletes a stored object and returns its last state. Deleting a namespace deletes everything in it; deleting
    /// an owner deletes its dependents, or with <paramref name="orphanDependents"/> only removes their owner
    /// reference. Requires the lock.
    /// </summary>
    internal JsonObject RemoveLocked(ResourceKind kind, JsonObject current, bool orphanDependents, bool dryRun)
    {
        if (dryRun) return (JsonObject)current.DeepClone();
        var key = StoredObject.Key(current);
        if (kind == ResourceCatalog.Namespaces)
        {
            foreach (var namespaced in ResourceCatalog.All.Where(k => k.Namespaced))
            {
                foreach (var inside in _objects[namespaced].Where(p => p.Key.Namespace == key.Name).Select(p => p.Value).ToList())
                {
                    if (_objects[namespaced].ContainsKey(StoredObject.Key(inside))) RemoveLocked(namespaced, inside, false, false);
                }
            }
        }

        _objects[kind].Remove(key);
        StoredObject.Metadata(current)["resourceVersion"] = NextRevision();
        Record(WatchEventType.Deleted, kind, current);
        CollectDependentsLocked(kind, current, orphanDependents);
        return (JsonObject)current.DeepClone();
    }

    private void CollectDependentsLocked(ResourceKind ownerKind, JsonObject owner, bool orphan)
    {
        var uid = StoredObject.Uid(owner);
        if (uid is null) return;
        var ns = StoredObject.Namespace(owner);
        foreach (var kind in ResourceCatalog.All.Where(k => k.Namespaced || !ownerKind.Namespaced))
        {
            var dependents = _objects[kind]
                .Where(p => (!ownerKind.Namespaced || p.Key.Namespace == ns) && StoredObject.OwnerUids(p.Value).Contains(uid))
                .Select(p => p.Value)
                .ToList();
            foreach (var dependent in dependents)
            {
                if (!_objects[kind].ContainsKey(StoredObject.Key(dependent))) continue;
                if (orphan)
                {
                    var orphaned = (JsonObject)dependent.DeepClone();
                    var references = (JsonArray)StoredObject.Metadata(orphaned)["ownerReferences"]!;
                    foreach (var reference in references.OfType<JsonObject>().Where(r => StoredObject.Text(r, "uid") == uid).ToList())
                    {
                        references.Remove(reference);
                    }

                    if (references.Count == 0) StoredObject.Metadata(orphaned).Remove("ownerReferences");
                    ReplaceLocked(kind, dependent, orphaned, dryRun: false);
                }
                else
                {
                    RemoveLocked(kind, dependent, false, false);
                }
            }
        }
    }

    private static ObjectKey KeyFor(ResourceKind kind, string? ns, string name) => new(kind.Namespaced ? ns ?? "" : "", name);

    private string NextRevision() => (++_revision).ToString(CultureInfo.InvariantCulture);

    private void Record(WatchEventType type, ResourceKind kind, JsonObject obj, JsonObject? previous = null)
    {
        var change = new ObjectChange(type, kind, (JsonObject)obj.DeepClone(), _revision, (JsonObject?)previous?.DeepClone());
        _history.Enqueue(change);
        while (_history.Count > HistoryCapacity) _compactedRevision = _history.Dequeue().ResourceVersion;
        PublishToWatchersLocked(change);
        _undelivered.Enqueue(change);
    }

    private void Deliver()
    {
        lock (_deliveryGate)
        {
            while (_undelivered.TryDequeue(out var change))
            {
                var handlers = Changed;
                if (handlers is null) continue;
                foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<ObjectChange>>())
                {
                    try
                    {
                        handler(this, change);
                    }
                    catch (Exception failure)
                    {
                        _handlerFailures.Enqueue(failure);
                        while (_handlerFailures.Count > 32) _handlerFailures.TryDequeue(out _);
                    }
                }
            }
        }
    }
}
