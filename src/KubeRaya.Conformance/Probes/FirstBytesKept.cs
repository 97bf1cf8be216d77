namespace KubeRaya.Conformance.Probes;

/// <summary>The first bytes a server sent on a connection, up to a bound; later bytes are let through, not kept.</summary>
/// <param name="capacity">How many bytes are kept at most.</param>
internal sealed class FirstBytesKept(int capacity)
{
    private readonly byte[] _first = new byte[capacity];
    private int _count;

    /// <summary>The bytes kept so far.</summary>
    public ReadOnlySpan<byte> Bytes => _first.AsSpan(0, Volatile.Read(ref _count));

    /// <summary>Keeps what fits of <paramref name="received"/>.</summary>
    public void Add(ReadOnlySpan<byte> received)
    {
        var take = Math.Min(_first.Length - _count, received.Length);
        if (take <= 0) return;
        received[..take].CopyTo(_first.AsSpan(_count));
        Volatile.Write(ref _count, _count + take);
    }
}
