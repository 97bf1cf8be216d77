using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>
/// Builds one ClientHello as a complete handshake record, byte for byte as RFC 5246 §7.4.1.2 (TLS), RFC 6101 §5.6.1.2
/// (SSLv3, no extensions) and RFC 8446 §4.1.2 (version fields) lay it out: client_version, 32 random bytes,
/// an empty session id, the suites, null compression only, and for TLS offers the extensions server_name,
/// supported_groups, ec_point_formats, signature_algorithms (TLS 1.2 offers only, RFC 5246 §7.4.1.4.1),
/// renegotiation_info (RFC 5746) and, when the hello would be 256 to 511 bytes long, padding (RFC 7685), which
/// keeps middleboxes that hang on such lengths from turning a refusal into silence.
/// TLS_FALLBACK_SCSV is never sent: it would make a modern server refuse for the wrong reason.
/// </summary>
public static class ClientHelloBuilder
{
    private const int PaddingFloor = 256;
    private const int PaddingTarget = 512;
    private const int ExtensionHeaderLength = 4;

    /// <summary>Builds the record with fresh random bytes.</summary>
    public static byte[] Build(ClientHelloOffer offer) => Build(offer, RandomNumberGenerator.GetBytes(TlsWire.RandomLength));

    /// <summary>Builds the record with the given 32 random bytes (fixed bytes make the output testable).</summary>
    public static byte[] Build(ClientHelloOffer offer, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (random.Length != TlsWire.RandomLength)
            throw new ArgumentException($"ClientHello.random is {TlsWire.RandomLength} bytes, not {random.Length}.", nameof(random));
        if (offer.Suites.Count == 0) throw new ArgumentException("A ClientHello must offer at least one cipher suite.", nameof(offer));

        var hostName = SniHostName(offer.ServerName);
        var extensions = offer.HasExtensions ? Extensions(offer, hostName) : null;
        var handshake = Handshake(offer, random, extensions);
        if (extensions is not null && handshake.Length is >= PaddingFloor and < PaddingTarget)
        {
            var padding = Math.Max(0, PaddingTarget - handshake.Length - ExtensionHeaderLength);
            extensions.Add((TlsWire.ExtensionPadding, new byte[padding]));
            handshake = Handshake(offer, random, extensions);
        }

        var record = new TlsWriter();
        record.WriteByte(TlsWire.ContentHandshake);
        record.WriteUInt16(offer.RecordVersion.Code);
        record.WritePrefixed(2, w => w.WriteBytes(handshake));
        return record.ToArray();
    }

    /// <summary>The name SNI carries: ASCII, no trailing dot; null for none or for an IP literal.</summary>
    private static string? SniHostName(string? serverName)
    {
        if (string.IsNullOrEmpty(serverName) || IPAddress.TryParse(serverName, out _)) return null;
        var name = serverName.TrimEnd('.');
        if (name.Length == 0 || !Ascii.IsValid(name))
            throw new ArgumentException($"SNI carries an ASCII host name (an A-label for internationalised names), not \"{serverName}\".", nameof(serverName));
        return name;
    }

    private static byte[] Handshake(ClientHelloOffer offer, ReadOnlySpan<byte> random, List<(ushort Type, byte[] Data)>? extensions)
    {
        var randomBytes = random.ToArray();
        var message = new TlsWriter();
        message.WriteByte(TlsWire.HandshakeClientHello);
        message.WritePrefixed(3, body =>
        {
            body.WriteUInt16(offer.Version.Code);
            body.WriteBytes(randomBytes);
            body.WritePrefixed(1, _ => { }); // empty session id
            body.WritePrefixed(2, w =>
            {
                foreach (var suite in offer.Suites) w.WriteUInt16(suite.Code);
            });
            body.WritePrefixed(1, w => w.WriteByte(TlsWire.CompressionNull));
            if (extensions is null) return;
            body.WritePrefixed(2, w =>
            {
                foreach (var (type, data) in extensions)
                {
                    w.WriteUInt16(type);
                    w.WritePrefixed(2, d => d.WriteBytes(data));
                }
            });
        });
        return message.ToArray();
    }

    private static List<(ushort Type, byte[] Data)> Extensions(ClientHelloOffer offer, string? hostName)
    {
        var extensions = new List<(ushort, byte[])>();
        if (hostName is not null) extensions.Add((TlsWire.ExtensionServerName, ServerName(hostName)));
        extensions.Add((TlsWire.ExtensionSupportedGroups, UInt16List(TlsWire.SupportedGroups)));
        extensions.Add((TlsWire.ExtensionEcPointFormats, [1, TlsWire.EcPointFormatUncompressed]));
        if (offer.Version >= TlsVersion.Tls12) extensions.Add((TlsWire.ExtensionSignatureAlgorithms, UInt16List(TlsWire.SignatureAlgorithms)));
        extensions.Add((TlsWire.ExtensionRenegotiationInfo, [0])); // empty renegotiated_connection: initial handshake
        return extensions;
    }

    private static byte[] ServerName(string hostName)
    {
        var data = new TlsWriter();
        data.WritePrefixed(2, list =>
        {
            list.WriteByte(TlsWire.ServerNameTypeHostName);
            list.WritePrefixed(2, name => name.WriteBytes(Encoding.ASCII.GetBytes(hostName)));
        });
        return data.ToArray();
    }

    private static byte[] UInt16List(IEnumerable<ushort> values)
    {
        var data = new TlsWriter();
        data.WritePrefixed(2, list =>
        {
            foreach (var value in values) list.WriteUInt16(value);
        });
        return data.ToArray();
    }
}
