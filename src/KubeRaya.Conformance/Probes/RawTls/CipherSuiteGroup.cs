namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>
/// Where a cipher suite stands for KR-TLS-04. Every suite belongs to exactly one group; a suite that fits
/// several weak groups is put in the most severe one, in the order NULL, EXPORT, anon, RC4, DES/3DES,
/// static-RSA CBC (so TLS_DH_anon_EXPORT_WITH_RC4_40_MD5 is EXPORT, TLS_RSA_WITH_DES_CBC_SHA is DES/3DES).
/// </summary>
public enum CipherSuiteGroup
{
    /// <summary>Forward secrecy (ECDHE/DHE) and an AEAD cipher: what a modern client negotiates.</summary>
    Modern,

    /// <summary>Legacy but not weak by KR-TLS-04's list: forward-secret CBC suites, and static-RSA AEAD suites.</summary>
    Legacy,

    /// <summary>No encryption at all (TLS_*_WITH_NULL_*).</summary>
    Null,

    /// <summary>Export-grade keys of 40 or 56 bits (TLS_*_EXPORT_*).</summary>
    Export,

    /// <summary>Anonymous key exchange without server authentication (DH_anon, ECDH_anon).</summary>
    Anonymous,

    /// <summary>The RC4 stream cipher (RFC 7465 forbids it).</summary>
    Rc4,

    /// <summary>Single DES and triple DES (64-bit blocks, SWEET32).</summary>
    Des,

    /// <summary>Static-RSA key exchange (no forward secrecy) with a CBC cipher, e.g. TLS_RSA_WITH_AES_128_CBC_SHA.</summary>
    StaticRsaCbc,
}
