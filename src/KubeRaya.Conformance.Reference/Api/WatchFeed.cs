using System.Threading.Channels;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// An open watch on the store: the changes that happened before it opened and still have to be sent
/// (or, for a watch from "now", the current objects as additions), then every later change as it commits.
/// </summary>
internal sealed class WatchFeed : IDisposable
{
    private readonly Action _close;
    private int _closed;

    public WatchFeed(IReadOnlyList<ObjectChange> backlog, ChannelReader<ObjectChange> live, Action close)
    {
        Backlog = backlog;
        Live = live;
        _close = close;
    }

    /// <summary>Changes to send first, in order.</summary>
    public IReadOnlyList<ObjectChange> Backlog { get; }

    /// <summary>Changes committed after the watch opened, of every resource (filter them).</summary>
    public ChannelReader<ObjectChange> Live { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0) _close();
    }
}
