using System.Buffers.Binary;
using System.Text;

namespace KubeRaya.Conformance.Tests.RawTls;

/// <summary>
/// A strict, independent reading of a ClientHello record, written from RFC 5246 §7.4.1.2 for the tests: every length is
/// checked against the bytes that follow, so a builder that miscounts fails to parse.
/// </summary>
internal sealed record ParsedClientHello(
    byte ContentType,
    ushort RecordVersion,
    int RecordLength,
    byte HandshakeType,
    int HandshakeLength,
    ushort ClientVersion,
    byte[] Random,
    byte[] SessionId,
    IReadOnlyList<ushort> Suites,
    byte[] CompressionMethods,
    IReadOnlyList<(ushort Type, byte[] Data)>? Extensions)
{
    public byte[]? Extension(ushort type) => Extensions?.FirstOrDefault(e => e.Type == type).Data;

    public string? ServerName
    {
        get
        {
            var data = Extension(0);
            if (data is null) return null;
            var listLength = BinaryPrimitives.ReadUInt16BigEndian(data);
            if (listLength != data.Length - 2) throw new FormatException("server_name list length is wrong");
            if (data[2] != 0) throw new FormatException("name type is not host_name");
            var nameLength = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(3));
            if (nameLength != data.Length - 5) throw new FormatException("host name length is wrong");
            return Encoding.ASCII.GetString(data, 5, nameLength);
        }
    }

    public IReadOnlyList<ushort> UInt16ListExtension(ushort type)
    {
        var data = Extension(type) ?? throw new FormatException($"no extension {type}");
        var length = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (length != data.Length - 2 || length % 2 != 0) throw new FormatException($"extension {type} list length is wrong");
        return Enumerable.Range(0, length / 2).Select(i => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(2 + 2 * i))).ToList();
    }

    public static ParsedClientHello Parse(byte[] bytes)
    {
        var reader = new Reader(bytes);
        var contentType = reader.U8();
        var recordVersion = reader.U16();
        var recordLength = reader.U16();
        Require(recordLength == reader.Remaining, $"record length {recordLength} but {reader.Remaining} bytes follow");
        var handshakeType = reader.U8();
        var handshakeLength = reader.U24();
        Require(handshakeLength == reader.Remaining, $"handshake length {handshakeLength} but {reader.Remaining} bytes follow");
        var clientVersion = reader.U16();
        var random = reader.Bytes(32);
        var sessionId = reader.Bytes(reader.U8());
        var suiteBytes = reader.U16();
        Require(suiteBytes % 2 == 0, "odd cipher suite vector length");
        var suites = Enumerable.Range(0, suiteBytes / 2).Select(_ => reader.U16()).ToList();
        var compression = reader.Bytes(reader.U8());
        List<(ushort, byte[])>? extensions = null;
        if (reader.Remaining > 0)
        {
            var extensionBytes = reader.U16();
            Require(extensionBytes == reader.Remaining, $"extensions length {extensionBytes} but {reader.Remaining} bytes follow");
            extensions = [];
            while (reader.Remaining > 0)
            {
                var type = reader.U16();
                extensions.Add((type, reader.Bytes(reader.U16())));
            }
        }

        return new ParsedClientHello(contentType, recordVersion, recordLength, handshakeType, handshakeLength, clientVersion,
            random, sessionId, suites, compression, extensions);
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition) throw new FormatException(problem);
    }

    private sealed class Reader(byte[] bytes)
    {
        private int offset;

        public int Remaining => bytes.Length - offset;

        public byte U8() => Bytes(1)[0];

        public ushort U16() => BinaryPrimitives.ReadUInt16BigEndian(Bytes(2));

        public int U24()
        {
            var b = Bytes(3);
            return (b[0] << 16) | (b[1] << 8) | b[2];
        }

        public byte[] Bytes(int count)
        {
            Require(count <= Remaining, $"{count} bytes wanted at offset {offset} but only {Remaining} remain");
            var result = bytes.AsSpan(offset, count).ToArray();
            offset += count;
            return result;
        }
    }
}
