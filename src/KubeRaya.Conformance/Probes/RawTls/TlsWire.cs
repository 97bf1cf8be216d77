namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>Numbers from the TLS registries that the raw probes put on, or read off, the wire.</summary>
internal static class TlsWire
{
    /// <summary>TLSPlaintext.length must not exceed 2^14 (RFC 5246 §6.2.1, RFC 8446 §5.1).</summary>
    public const int MaxPlaintextLength = 16384;

    /// <summary>Record header: content type (1), version (2), length (2).</summary>
    public const int RecordHeaderLength = 5;

    /// <summary>Handshake header: message type (1), length (3).</summary>
    public const int HandshakeHeaderLength = 4;

    /// <summary>Length of ClientHello.random and ServerHello.random.</summary>
    public const int RandomLength = 32;

    public const byte ContentChangeCipherSpec = 20;
    public const byte ContentAlert = 21;
    public const byte ContentHandshake = 22;
    public const byte ContentApplicationData = 23;

    public const byte HandshakeClientHello = 1;
    public const byte HandshakeServerHello = 2;

    public const ushort ExtensionServerName = 0;
    public const ushort ExtensionSupportedGroups = 10;
    public const ushort ExtensionEcPointFormats = 11;
    public const ushort ExtensionSignatureAlgorithms = 13;
    public const ushort ExtensionPadding = 21;
    public const ushort ExtensionSupportedVersions = 43;
    public const ushort ExtensionRenegotiationInfo = 0xFF01;

    public const byte ServerNameTypeHostName = 0;
    public const byte CompressionNull = 0;
    public const byte EcPointFormatUncompressed = 0;

    /// <summary>Named groups offered so that ECDHE suites can be chosen: x25519, secp256r1, secp384r1, secp521r1, x448.</summary>
    public static readonly ushort[] SupportedGroups = [0x001D, 0x0017, 0x0018, 0x0019, 0x001E];

    /// <summary>
    /// Signature schemes for TLS 1.2 offers: ECDSA, RSA-PSS, EdDSA and PKCS#1, including the SHA-1 ones, because
    /// the weak-suite probe wants any server that would negotiate to say so, not to fail on signatures.
    /// </summary>
    public static readonly ushort[] SignatureAlgorithms =
    [
        0x0403, 0x0503, 0x0603, // ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384, ecdsa_secp521r1_sha512
        0x0807, 0x0808, // ed25519, ed448
        0x0804, 0x0805, 0x0806, // rsa_pss_rsae_sha256/384/512
        0x0809, 0x080A, 0x080B, // rsa_pss_pss_sha256/384/512
        0x0401, 0x0501, 0x0601, // rsa_pkcs1_sha256/384/512
        0x0203, 0x0201, // ecdsa_sha1, rsa_pkcs1_sha1
    ];

    /// <summary>Content type names for failure text.</summary>
    public static string ContentTypeName(byte type) => type switch
    {
        ContentChangeCipherSpec => "change_cipher_spec",
        ContentAlert => "alert",
        ContentHandshake => "handshake",
        ContentApplicationData => "application_data",
        _ => $"content type {type}",
    };

    /// <summary>Handshake message names for failure text (RFC 5246 §7.4, RFC 8446 §4).</summary>
    public static string HandshakeTypeName(byte type) => type switch
    {
        0 => "hello_request",
        1 => "client_hello",
        2 => "server_hello",
        4 => "new_session_ticket",
        8 => "encrypted_extensions",
        11 => "certificate",
        12 => "server_key_exchange",
        13 => "certificate_request",
        14 => "server_hello_done",
        _ => $"handshake type {type}",
    };
}
