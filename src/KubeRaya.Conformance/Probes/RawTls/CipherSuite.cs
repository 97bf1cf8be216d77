namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>One TLS cipher suite: its IANA code and name, its KR-TLS-04 group, and the oldest version that defines it.</summary>
/// <param name="Code">The two-byte IANA code, e.g. 0x002F.</param>
/// <param name="Name">The IANA name, e.g. TLS_RSA_WITH_AES_128_CBC_SHA.</param>
/// <param name="Group">Where the suite stands for KR-TLS-04.</param>
/// <param name="MinimumVersion">The oldest protocol version a server may negotiate it at (SHA-256 and AEAD suites need TLS 1.2).</param>
public sealed record CipherSuite(ushort Code, string Name, CipherSuiteGroup Group, TlsVersion MinimumVersion)
{
    /// <summary>True for the groups KR-TLS-04 calls weak: NULL, EXPORT, anon, RC4, DES/3DES and static-RSA CBC.</summary>
    public bool IsWeak => Group is not (CipherSuiteGroup.Modern or CipherSuiteGroup.Legacy);

    /// <summary>The code as written in reports, e.g. "0x002F".</summary>
    public string Hex => $"0x{Code:X4}";

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Hex})";
}
