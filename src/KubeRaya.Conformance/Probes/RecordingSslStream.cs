using System.Net.Security;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// An <see cref="SslStream"/> that keeps the first decrypted bytes the server sent after the handshake, so that an
/// HTTP/2 exchange that ended without a response can be told apart: a graceful refusal (see
/// <see cref="Http2GracefulRefusal"/>) or a real failure. It stays an SslStream, which the HTTP client uses as it is.
/// </summary>
internal sealed class RecordingSslStream(Stream inner, bool leaveInnerStreamOpen) : SslStream(inner, leaveInnerStreamOpen)
{
    private readonly FirstBytesKept _first = new(512);

    /// <summary>The first decrypted bytes received (up to 512).</summary>
    public ReadOnlySpan<byte> FirstBytes => _first.Bytes;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = base.Read(buffer);
        _first.Add(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _first.Add(buffer.Span[..read]);
        return read;
    }
}
