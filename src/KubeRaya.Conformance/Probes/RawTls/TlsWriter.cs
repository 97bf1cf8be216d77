namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>Writes big-endian TLS wire structures, including length-prefixed vectors whose length is filled in afterwards.</summary>
internal sealed class TlsWriter
{
    private readonly List<byte> bytes = [];

    /// <summary>Bytes written so far.</summary>
    public int Length => bytes.Count;

    public void WriteByte(byte value) => bytes.Add(value);

    public void WriteUInt16(int value)
    {
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }

    public void WriteBytes(ReadOnlySpan<byte> values)
    {
        foreach (var value in values) bytes.Add(value);
    }

    /// <summary>Writes <paramref name="body"/> behind a length of <paramref name="lengthBytes"/> bytes (1, 2 or 3).</summary>
    public void WritePrefixed(int lengthBytes, Action<TlsWriter> body)
    {
        var start = bytes.Count;
        for (var i = 0; i < lengthBytes; i++) bytes.Add(0);
        body(this);
        var length = bytes.Count - start - lengthBytes;
        var max = (1 << (8 * lengthBytes)) - 1;
        if (length > max) throw new InvalidOperationException($"A {lengthBytes}-byte length cannot hold {length} bytes.");
        for (var i = 0; i < lengthBytes; i++) bytes[start + i] = (byte)(length >> (8 * (lengthBytes - 1 - i)));
    }

    public byte[] ToArray() => [.. bytes];
}
