using static KubeRaya.Conformance.Probes.RawTls.CipherSuiteGroup;

namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>
/// The cipher suites the raw probes know, with IANA codes and names (IANA "TLS Cipher Suites" registry;
/// RFC 5246 App. A.5, RFC 4492, RFC 5289, RFC 5288, RFC 7905, RFC 8446 B.4). Broad on purpose: a legacy
/// offer that leaves out the one suite a server still allows would let that server look refusing.
/// Static-DH, PSK, SRP and Kerberos suites are left out: no ingress negotiates them without extra setup.
/// </summary>
public static class CipherSuiteCatalogue
{
    /// <summary>Every known suite, modern first, then legacy, then the weak groups.</summary>
    public static IReadOnlyList<CipherSuite> All { get; } =
    [
        // Modern: forward secrecy and AEAD (full-length tags).
        Suite(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", Modern, TlsVersion.Tls12),
        Suite(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", Modern, TlsVersion.Tls12),
        Suite(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", Modern, TlsVersion.Tls12),
        Suite(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", Modern, TlsVersion.Tls12),
        Suite(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", Modern, TlsVersion.Tls12),
        Suite(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", Modern, TlsVersion.Tls12),
        Suite(0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", Modern, TlsVersion.Tls12),
        Suite(0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", Modern, TlsVersion.Tls12),
        Suite(0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", Modern, TlsVersion.Tls12),
        Suite(0x00A2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", Modern, TlsVersion.Tls12),
        Suite(0x00A3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", Modern, TlsVersion.Tls12),
        Suite(0xC0AC, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", Modern, TlsVersion.Tls12),
        Suite(0xC0AD, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", Modern, TlsVersion.Tls12),
        Suite(0xC09E, "TLS_DHE_RSA_WITH_AES_128_CCM", Modern, TlsVersion.Tls12),
        Suite(0xC09F, "TLS_DHE_RSA_WITH_AES_256_CCM", Modern, TlsVersion.Tls12),
        Suite(0xC05C, "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256", Modern, TlsVersion.Tls12),
        Suite(0xC05D, "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384", Modern, TlsVersion.Tls12),
        Suite(0xC060, "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256", Modern, TlsVersion.Tls12),
        Suite(0xC061, "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384", Modern, TlsVersion.Tls12),
        Suite(0xC052, "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256", Modern, TlsVersion.Tls12),
        Suite(0xC053, "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384", Modern, TlsVersion.Tls12),
        Suite(0xC056, "TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256", Modern, TlsVersion.Tls12),
        Suite(0xC057, "TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384", Modern, TlsVersion.Tls12),
        Suite(0x1301, "TLS_AES_128_GCM_SHA256", Modern, TlsVersion.Tls13),
        Suite(0x1302, "TLS_AES_256_GCM_SHA384", Modern, TlsVersion.Tls13),
        Suite(0x1303, "TLS_CHACHA20_POLY1305_SHA256", Modern, TlsVersion.Tls13),

        // Legacy but not weak: forward-secret CBC or short-tag CCM_8, static-RSA AEAD.
        Suite(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", Legacy, TlsVersion.Tls10),
        Suite(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", Legacy, TlsVersion.Tls10),
        Suite(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", Legacy, TlsVersion.Tls10),
        Suite(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", Legacy, TlsVersion.Tls10),
        Suite(0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", Legacy, TlsVersion.Tls12),
        Suite(0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", Legacy, TlsVersion.Tls12),
        Suite(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0x006B, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0044, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0087, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x009A, "TLS_DHE_RSA_WITH_SEED_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0099, "TLS_DHE_DSS_WITH_SEED_CBC_SHA", Legacy, TlsVersion.Ssl3),
        Suite(0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0x006A, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0xC072, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0xC073, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384", Legacy, TlsVersion.Tls12),
        Suite(0xC076, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0xC077, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384", Legacy, TlsVersion.Tls12),
        Suite(0x00BE, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0x00C4, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0x00BD, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0x00C3, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0xC0AE, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8", Legacy, TlsVersion.Tls12),
        Suite(0xC0AF, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8", Legacy, TlsVersion.Tls12),
        Suite(0xC0A2, "TLS_DHE_RSA_WITH_AES_128_CCM_8", Legacy, TlsVersion.Tls12),
        Suite(0xC0A3, "TLS_DHE_RSA_WITH_AES_256_CCM_8", Legacy, TlsVersion.Tls12),
        Suite(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384", Legacy, TlsVersion.Tls12),
        Suite(0xC09C, "TLS_RSA_WITH_AES_128_CCM", Legacy, TlsVersion.Tls12),
        Suite(0xC09D, "TLS_RSA_WITH_AES_256_CCM", Legacy, TlsVersion.Tls12),
        Suite(0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8", Legacy, TlsVersion.Tls12),
        Suite(0xC0A1, "TLS_RSA_WITH_AES_256_CCM_8", Legacy, TlsVersion.Tls12),
        Suite(0xC050, "TLS_RSA_WITH_ARIA_128_GCM_SHA256", Legacy, TlsVersion.Tls12),
        Suite(0xC051, "TLS_RSA_WITH_ARIA_256_GCM_SHA384", Legacy, TlsVersion.Tls12),

        // Weak: NULL.
        Suite(0x0001, "TLS_RSA_WITH_NULL_MD5", Null, TlsVersion.Ssl3),
        Suite(0x0002, "TLS_RSA_WITH_NULL_SHA", Null, TlsVersion.Ssl3),
        Suite(0x003B, "TLS_RSA_WITH_NULL_SHA256", Null, TlsVersion.Tls12),
        Suite(0xC006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA", Null, TlsVersion.Tls10),
        Suite(0xC010, "TLS_ECDHE_RSA_WITH_NULL_SHA", Null, TlsVersion.Tls10),
        Suite(0xC015, "TLS_ECDH_anon_WITH_NULL_SHA", Null, TlsVersion.Tls10),

        // Weak: EXPORT.
        Suite(0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5", Export, TlsVersion.Ssl3),
        Suite(0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5", Export, TlsVersion.Ssl3),
        Suite(0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", Export, TlsVersion.Ssl3),
        Suite(0x0011, "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA", Export, TlsVersion.Ssl3),
        Suite(0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA", Export, TlsVersion.Ssl3),
        Suite(0x0017, "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5", Export, TlsVersion.Ssl3),
        Suite(0x0019, "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA", Export, TlsVersion.Ssl3),

        // Weak: anonymous key exchange.
        Suite(0x0018, "TLS_DH_anon_WITH_RC4_128_MD5", Anonymous, TlsVersion.Ssl3),
        Suite(0x001A, "TLS_DH_anon_WITH_DES_CBC_SHA", Anonymous, TlsVersion.Ssl3),
        Suite(0x001B, "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA", Anonymous, TlsVersion.Ssl3),
        Suite(0x0034, "TLS_DH_anon_WITH_AES_128_CBC_SHA", Anonymous, TlsVersion.Ssl3),
        Suite(0x003A, "TLS_DH_anon_WITH_AES_256_CBC_SHA", Anonymous, TlsVersion.Ssl3),
        Suite(0x006C, "TLS_DH_anon_WITH_AES_128_CBC_SHA256", Anonymous, TlsVersion.Tls12),
        Suite(0x006D, "TLS_DH_anon_WITH_AES_256_CBC_SHA256", Anonymous, TlsVersion.Tls12),
        Suite(0x00A6, "TLS_DH_anon_WITH_AES_128_GCM_SHA256", Anonymous, TlsVersion.Tls12),
        Suite(0x00A7, "TLS_DH_anon_WITH_AES_256_GCM_SHA384", Anonymous, TlsVersion.Tls12),
        Suite(0xC016, "TLS_ECDH_anon_WITH_RC4_128_SHA", Anonymous, TlsVersion.Tls10),
        Suite(0xC017, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA", Anonymous, TlsVersion.Tls10),
        Suite(0xC018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA", Anonymous, TlsVersion.Tls10),
        Suite(0xC019, "TLS_ECDH_anon_WITH_AES_256_CBC_SHA", Anonymous, TlsVersion.Tls10),
        Suite(0x0046, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA", Anonymous, TlsVersion.Ssl3),
        Suite(0x0089, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA", Anonymous, TlsVersion.Ssl3),
        Suite(0x009B, "TLS_DH_anon_WITH_SEED_CBC_SHA", Anonymous, TlsVersion.Ssl3),
        Suite(0x00BF, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256", Anonymous, TlsVersion.Tls12),
        Suite(0x00C5, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256", Anonymous, TlsVersion.Tls12),
        Suite(0xC05A, "TLS_DH_anon_WITH_ARIA_128_GCM_SHA256", Anonymous, TlsVersion.Tls12),
        Suite(0xC05B, "TLS_DH_anon_WITH_ARIA_256_GCM_SHA384", Anonymous, TlsVersion.Tls12),

        // Weak: RC4.
        Suite(0x0004, "TLS_RSA_WITH_RC4_128_MD5", Rc4, TlsVersion.Ssl3),
        Suite(0x0005, "TLS_RSA_WITH_RC4_128_SHA", Rc4, TlsVersion.Ssl3),
        Suite(0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", Rc4, TlsVersion.Tls10),
        Suite(0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA", Rc4, TlsVersion.Tls10),

        // Weak: DES and 3DES.
        Suite(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", Des, TlsVersion.Ssl3),
        Suite(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", Des, TlsVersion.Ssl3),
        Suite(0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", Des, TlsVersion.Ssl3),
        Suite(0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", Des, TlsVersion.Tls10),
        Suite(0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", Des, TlsVersion.Tls10),
        Suite(0x0009, "TLS_RSA_WITH_DES_CBC_SHA", Des, TlsVersion.Ssl3),
        Suite(0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA", Des, TlsVersion.Ssl3),
        Suite(0x0012, "TLS_DHE_DSS_WITH_DES_CBC_SHA", Des, TlsVersion.Ssl3),

        // Weak: static-RSA key exchange with CBC.
        Suite(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA", StaticRsaCbc, TlsVersion.Ssl3),
        Suite(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", StaticRsaCbc, TlsVersion.Ssl3),
        Suite(0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256", StaticRsaCbc, TlsVersion.Tls12),
        Suite(0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256", StaticRsaCbc, TlsVersion.Tls12),
        Suite(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", StaticRsaCbc, TlsVersion.Ssl3),
        Suite(0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA", StaticRsaCbc, TlsVersion.Ssl3),
        Suite(0x0096, "TLS_RSA_WITH_SEED_CBC_SHA", StaticRsaCbc, TlsVersion.Ssl3),
        Suite(0x0007, "TLS_RSA_WITH_IDEA_CBC_SHA", StaticRsaCbc, TlsVersion.Ssl3),
        Suite(0x00BA, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256", StaticRsaCbc, TlsVersion.Tls12),
        Suite(0x00C0, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256", StaticRsaCbc, TlsVersion.Tls12),
        Suite(0xC03C, "TLS_RSA_WITH_ARIA_128_CBC_SHA256", StaticRsaCbc, TlsVersion.Tls12),
        Suite(0xC03D, "TLS_RSA_WITH_ARIA_256_CBC_SHA384", StaticRsaCbc, TlsVersion.Tls12),
    ];

    /// <summary>The groups KR-TLS-04 calls weak, in order of severity.</summary>
    public static IReadOnlyList<CipherSuiteGroup> WeakGroups { get; } = [Null, Export, Anonymous, Rc4, Des, StaticRsaCbc];

    private static readonly Dictionary<ushort, CipherSuite> ByCode = All.ToDictionary(s => s.Code);

    /// <summary>The suites of one group, in catalogue order.</summary>
    public static IReadOnlyList<CipherSuite> InGroup(CipherSuiteGroup group) => All.Where(s => s.Group == group).ToList();

    /// <summary>Every suite a server may negotiate at <paramref name="version"/>: the broad list for a legacy-version offer.</summary>
    public static IReadOnlyList<CipherSuite> UsableAt(TlsVersion version) =>
        All.Where(s => s.MinimumVersion <= version && s.MinimumVersion < TlsVersion.Tls13).ToList();

    /// <summary>The suite with this code, or null when the catalogue does not know it.</summary>
    public static CipherSuite? Find(ushort code) => ByCode.GetValueOrDefault(code);

    /// <summary>The IANA name of a code, or its hex form ("0x1234") when the catalogue does not know it.</summary>
    public static string NameOf(ushort code) => Find(code)?.Name ?? $"0x{code:X4}";

    /// <summary>How reports name a group: "modern", "legacy", "NULL", "EXPORT", "anon", "RC4", "DES/3DES", "static-RSA CBC".</summary>
    public static string Describe(CipherSuiteGroup group) => group switch
    {
        Modern => "modern",
        Legacy => "legacy",
        Null => "NULL",
        Export => "EXPORT",
        Anonymous => "anon",
        Rc4 => "RC4",
        Des => "DES/3DES",
        StaticRsaCbc => "static-RSA CBC",
        _ => group.ToString(),
    };

    private static CipherSuite Suite(ushort code, string name, CipherSuiteGroup group, TlsVersion minimum) => new(code, name, group, minimum);
}
