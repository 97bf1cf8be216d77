namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>
/// A protocol version as it travels on the wire: two bytes, major then minor (RFC 5246 §6.2.1;
/// SSL 3.0 is {3,0}, TLS 1.0 {3,1}, TLS 1.1 {3,2}, TLS 1.2 {3,3}, TLS 1.3 {3,4} per RFC 8446 §4.2.1).
/// </summary>
/// <param name="Code">The two bytes as one big-endian number, e.g. 0x0301 for TLS 1.0.</param>
public readonly record struct TlsVersion(ushort Code) : IComparable<TlsVersion>
{
    /// <summary>SSL 3.0 (RFC 6101).</summary>
    public static TlsVersion Ssl3 => new(0x0300);

    /// <summary>TLS 1.0 (RFC 2246).</summary>
    public static TlsVersion Tls10 => new(0x0301);

    /// <summary>TLS 1.1 (RFC 4346).</summary>
    public static TlsVersion Tls11 => new(0x0302);

    /// <summary>TLS 1.2 (RFC 5246).</summary>
    public static TlsVersion Tls12 => new(0x0303);

    /// <summary>TLS 1.3 (RFC 8446).</summary>
    public static TlsVersion Tls13 => new(0x0304);

    /// <summary>The first byte on the wire.</summary>
    public byte Major => (byte)(Code >> 8);

    /// <summary>The second byte on the wire.</summary>
    public byte Minor => (byte)Code;

    /// <summary>The name the evidence uses: "SSLv3", "TLS1.0" … "TLS1.3", or "0x0305" for anything else.</summary>
    public string Name => Code switch
    {
        0x0300 => "SSLv3",
        0x0301 => "TLS1.0",
        0x0302 => "TLS1.1",
        0x0303 => "TLS1.2",
        0x0304 => "TLS1.3",
        _ => $"0x{Code:x4}",
    };

    /// <summary>The version made of two wire bytes.</summary>
    public static TlsVersion From(byte major, byte minor) => new((ushort)((major << 8) | minor));

    /// <inheritdoc />
    public int CompareTo(TlsVersion other) => Code.CompareTo(other.Code);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Orders versions by their wire code.</summary>
    public static bool operator <(TlsVersion left, TlsVersion right) => left.Code < right.Code;

    /// <summary>Orders versions by their wire code.</summary>
    public static bool operator >(TlsVersion left, TlsVersion right) => left.Code > right.Code;

    /// <summary>Orders versions by their wire code.</summary>
    public static bool operator <=(TlsVersion left, TlsVersion right) => left.Code <= right.Code;

    /// <summary>Orders versions by their wire code.</summary>
    public static bool operator >=(TlsVersion left, TlsVersion right) => left.Code >= right.Code;
}
