using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Tests.Judges;

/// <summary>Evidence as a healthy ingress would produce it, for tests to spoil in exactly one way.</summary>
internal static class Make
{
    public const string Host = "a.example.test";
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Fp(char c) => new(c, 64);

    public static CertificateEvidence Leaf(params string[] dnsNames) => new()
    {
        Subject = $"CN={(dnsNames.Length > 0 ? dnsNames[0] : Host)}",
        Issuer = "CN=Run Intermediate",
        SerialNumber = "01",
        NotBefore = Now.AddDays(-10),
        NotAfter = Now.AddDays(80),
        DnsNames = dnsNames.Length > 0 ? dnsNames : [Host],
        KeyAlgorithm = "EC",
        KeySize = 256,
        Curve = "nistP256",
        SignatureAlgorithmOid = "1.2.840.10045.4.3.2",
        SignatureAlgorithm = "sha256ECDSA",
        IsCertificateAuthority = false,
        ExtendedKeyUsages = [CertificateEvidence.ServerAuthOid],
        Sha256Fingerprint = Fp('A'),
        DerBase64 = "",
    };

    public static CertificateEvidence Ca(string name, char fingerprint, string? issuer = null) => Leaf() with
    {
        Subject = $"CN={name}",
        Issuer = $"CN={issuer ?? name}",
        DnsNames = [],
        IsCertificateAuthority = true,
        ExtendedKeyUsages = null,
        Sha256Fingerprint = Fp(fingerprint),
    };

    public static TlsHandshakeEvidence Handshake(string? sni = Host) => new()
    {
        Host = Host,
        Address = "127.0.0.1",
        Port = 443,
        Sni = sni,
        Completed = true,
        Protocol = "Tls13",
        CipherSuite = "TLS_AES_128_GCM_SHA256",
        Alpn = "h2",
        ServedChain = [Leaf(), Ca("Run Intermediate", 'B', "Run Root")],
        ChainValidation = new ChainValidationEvidence(true, [], [Fp('A'), Fp('B'), Fp('C')]),
        HttpStatus = 200,
    };

    public static TlsHandshakeEvidence FailedHandshake(string? sni, string failure) => Handshake(sni) with
    {
        Completed = false,
        Failure = failure,
        Protocol = null,
        CipherSuite = null,
        Alpn = null,
        ServedChain = [],
        ChainValidation = null,
        HttpStatus = null,
    };

    public static HttpExchangeEvidence Exchange(int? status, string scheme = "https", string? hostHeader = Host, string path = "/",
        string body = "", params (string Name, string Value)[] headers) => new()
    {
        Scheme = scheme,
        Address = "127.0.0.1",
        Port = scheme == "https" ? 443 : 80,
        Sni = scheme == "https" ? hostHeader : null,
        HostHeader = hostHeader,
        PathAndQuery = path,
        Status = status,
        Headers = headers.GroupBy(h => h.Name.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(h => h.Value).ToList()),
        Body = body,
        Failure = status is null ? "connection reset by peer" : null,
    };

    public static LegacyHandshakeEvidence Offer(string version, LegacyHandshakeResult result, params string[] suites) => new()
    {
        Host = Host,
        Address = "127.0.0.1",
        Port = 443,
        OfferedVersion = version,
        Purpose = suites.Length == 0 ? "legacy-protocol" : "weak-ciphers",
        OfferedSuites = suites.Length == 0 ? ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"] : suites,
        Result = result,
        NegotiatedVersion = result == LegacyHandshakeResult.Accepted ? version : null,
        NegotiatedSuite = result == LegacyHandshakeResult.Accepted ? (suites.Length == 0 ? "TLS_RSA_WITH_AES_128_CBC_SHA" : suites[0]) : null,
        Alert = result == LegacyHandshakeResult.Refused ? "protocol_version" : null,
        Detail = result switch
        {
            LegacyHandshakeResult.NoAnswer => "nothing within 5 s",
            LegacyHandshakeResult.Unintelligible => "received 'HTTP/1.1 400'",
            _ => "",
        },
    };

    public static string EchoBody(string scheme = "http", bool tls = false, string forwardedProto = "\"https\"", string path = "/") =>
        "{\"kuberayaEcho\":1,\"pod\":\"echo-7f9c\",\"scheme\":\"" + scheme + "\",\"tls\":" + (tls ? "true" : "false")
        + ",\"host\":\"" + Host + "\",\"method\":\"GET\",\"path\":\"" + path + "\",\"headers\":{\"X-Forwarded-Proto\":" + forwardedProto
        + ",\"host\":\"" + Host + "\"}}";
}
