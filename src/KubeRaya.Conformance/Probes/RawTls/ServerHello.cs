using System.Diagnostics.CodeAnalysis;

namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>The fields of a ServerHello that say what the server agreed to (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3).</summary>
/// <param name="RecordVersion">The version in the header of the record that carried it.</param>
/// <param name="ServerVersion">ServerHello.server_version (legacy_version in TLS 1.3).</param>
/// <param name="SelectedVersion">The supported_versions extension, when the server sent one (TLS 1.3).</param>
/// <param name="CipherSuite">The suite the server chose.</param>
/// <param name="Compression">The compression method the server chose.</param>
public sealed record ServerHello(TlsVersion RecordVersion, TlsVersion ServerVersion, TlsVersion? SelectedVersion, ushort CipherSuite, byte Compression)
{
    /// <summary>The version the server agreed to: supported_versions when present, otherwise server_version.</summary>
    public TlsVersion Version => SelectedVersion ?? ServerVersion;

    /// <summary>The IANA name of the chosen suite, or its hex code.</summary>
    public string CipherSuiteName => CipherSuiteCatalogue.NameOf(CipherSuite);

    /// <summary>Parses a ServerHello body (after the 4-byte handshake header).</summary>
    /// <param name="recordVersion">The version of the record that carried the message.</param>
    /// <param name="body">The message body.</param>
    /// <param name="hello">The parsed message.</param>
    /// <param name="problem">What is wrong with the bytes, when they do not parse.</param>
    public static bool TryParse(TlsVersion recordVersion, ReadOnlySpan<byte> body, [NotNullWhen(true)] out ServerHello? hello, [NotNullWhen(false)] out string? problem)
    {
        hello = null;
        problem = null;
        const int fixedPart = 2 + TlsWire.RandomLength + 1;
        if (body.Length < fixedPart) return Fail($"ServerHello body of {body.Length} bytes is shorter than version, random and session id length", out problem);
        var serverVersion = TlsVersion.From(body[0], body[1]);
        var sessionIdLength = body[fixedPart - 1];
        if (sessionIdLength > 32) return Fail($"ServerHello session id length {sessionIdLength} exceeds 32", out problem);
        var offset = fixedPart + sessionIdLength;
        if (body.Length < offset + 3) return Fail("ServerHello ends before its cipher suite and compression method", out problem);
        var suite = (ushort)((body[offset] << 8) | body[offset + 1]);
        var compression = body[offset + 2];
        offset += 3;
        TlsVersion? selected = null;
        if (offset < body.Length)
        {
            if (!TryFindSupportedVersion(body[offset..], out selected, out problem)) return false;
        }

        hello = new ServerHello(recordVersion, serverVersion, selected, suite, compression);
        return true;
    }

    private static bool TryFindSupportedVersion(ReadOnlySpan<byte> block, out TlsVersion? selected, [NotNullWhen(false)] out string? problem)
    {
        selected = null;
        problem = null;
        if (block.Length < 2) return Fail("ServerHello has a truncated extensions length", out problem);
        var length = (block[0] << 8) | block[1];
        if (length != block.Length - 2) return Fail($"ServerHello extensions claim {length} bytes but {block.Length - 2} follow", out problem);
        var extensions = block[2..];
        while (extensions.Length > 0)
        {
            if (extensions.Length < 4) return Fail("ServerHello has a truncated extension header", out problem);
            var type = (extensions[0] << 8) | extensions[1];
            var dataLength = (extensions[2] << 8) | extensions[3];
            if (extensions.Length < 4 + dataLength) return Fail($"ServerHello extension {type} claims {dataLength} bytes but fewer follow", out problem);
            if (type == TlsWire.ExtensionSupportedVersions)
            {
                if (dataLength != 2) return Fail($"ServerHello supported_versions has {dataLength} bytes, not 2", out problem);
                selected = TlsVersion.From(extensions[4], extensions[5]);
            }

            extensions = extensions[(4 + dataLength)..];
        }

        return true;
    }

    private static bool Fail(string reason, [NotNullWhen(false)] out string? problem)
    {
        problem = reason;
        return false;
    }
}
