namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Passes a connection through unchanged and keeps the first bytes the server sent, so that a failed
/// handshake can be described by what actually came back (a TLS alert, plain HTTP, nothing).
/// </summary>
internal sealed class InboundRecordingStream(Stream inner) : Stream
{
    private readonly FirstBytesKept _first = new(128);

    /// <summary>The first bytes received (up to 128).</summary>
    public ReadOnlySpan<byte> FirstBytes => _first.Bytes;

    /// <summary>True once a read returned end of stream.</summary>
    public bool EndOfStreamSeen { get; private set; }

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Keep(buffer[..read], buffer.Length);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Keep(buffer.Span[..read], buffer.Length);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void Keep(ReadOnlySpan<byte> received, int asked)
    {
        if (received.IsEmpty)
        {
            // A zero-byte read (SslStream issues them while idle) says nothing; an empty answer to a real read is end of stream.
            if (asked > 0) EndOfStreamSeen = true;
            return;
        }

        _first.Add(received);
    }
}
