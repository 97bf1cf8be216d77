using System.Net.Security;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// An <see cref="SslStream"/> that keeps the first decrypted bytes the server sent after the handshake, so that an
/// HTTP/2 exchange that ended without a response can be told apart: a graceful refusal (see
/// <see cref="Http2GracefulRefusal"/>) or a real failure. It stays an SslStream, which the HTTP client uses as it is.
/// </summary>
internal sealed class RecordingSslStream(Stream inner, bool leaveInnerStreamOpen) : SslStream(inner, leaveInnerStreamOpen)
{
    private const int Kept = 512;
    private readonly byte[] _first = new byte[Kept];
    private int _count;

    /// <summary>The first decrypted bytes received (up to 512).</summary>
    public ReadOnlySpan<byte> FirstBytes => _first.AsSpan(0, Volatile.Read(ref _count));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = base.Read(buffer);
        Keep(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Keep(buffer.Span[..read]);
        return read;
    }

    private void Keep(ReadOnlySpan<byte> received)
    {
        var room = Kept - _count;
        if (received.IsEmpty || room <= 0) return;
        var take = Math.Min(room, received.Length);
        received[..take].CopyTo(_first.AsSpan(_count));
        Volatile.Write(ref _count, _count + take);
    }
}
