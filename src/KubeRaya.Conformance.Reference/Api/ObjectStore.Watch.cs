using System.Globalization;
using System.Threading.Channels;
using k8s;

namespace KubeRaya.Conformance.Reference.Api;

public sealed partial class ObjectStore
{
    private readonly List<Channel<ObjectChange>> _watchers = [];

    /// <summary>
    /// Opens a watch on one resource. From a resource version: replays the later changes still in the history
    /// (410 Expired when they are no longer all there); without one: the current objects as additions.
    /// </summary>
    internal WatchFeed OpenWatch(ResourceKind kind, string? ns, long? sinceRevision) => Transact(() =>
    {
        IReadOnlyList<ObjectChange> backlog;
        if (sinceRevision is { } since)
        {
            if (since < _compactedRevision)
            {
                throw ApiStatusException.Gone(string.Create(CultureInfo.InvariantCulture,
                    $"too old resource version: {since} ({_compactedRevision + 1})"));
            }

            backlog = [.. _history.Where(c => c.ResourceVersion > since && c.Resource == kind)];
        }
        else
        {
            backlog = [.. EnumerateLocked(kind, ns).Select(o => new ObjectChange(WatchEventType.Added, kind,
                (System.Text.Json.Nodes.JsonObject)o.DeepClone(), long.Parse(StoredObject.ResourceVersion(o) ?? "0", CultureInfo.InvariantCulture)))];
        }

        var channel = Channel.CreateUnbounded<ObjectChange>(new UnboundedChannelOptions { SingleReader = true });
        _watchers.Add(channel);
        return new WatchFeed(backlog, channel.Reader, () =>
        {
            lock (_gate) _watchers.Remove(channel);
            channel.Writer.TryComplete();
        });
    });

    private void PublishToWatchersLocked(ObjectChange change)
    {
        foreach (var watcher in _watchers) watcher.Writer.TryWrite(change);
    }
}
