namespace KubeRaya.Conformance.Evidence;

/// <summary>What one TLS handshake (with a modern client) showed.</summary>
public sealed record TlsHandshakeEvidence
{
    /// <summary>The public host this evidence is about.</summary>
    public required string Host { get; init; }
    /// <summary>The address connected to (never resolved from DNS).</summary>
    public required string Address { get; init; }
    /// <summary>The TCP port.</summary>
    public required int Port { get; init; }
    /// <summary>The SNI presented; null when none was sent.</summary>
    public string? Sni { get; init; }
    /// <summary>Whether the handshake completed.</summary>
    public required bool Completed { get; init; }
    /// <summary>Why it did not complete, or why the request after it failed.</summary>
    public string? Failure { get; init; }
    /// <summary>Negotiated protocol, e.g. "Tls12", "Tls13".</summary>
    public string? Protocol { get; init; }
    /// <summary>Negotiated cipher suite, IANA name (e.g. TLS_AES_128_GCM_SHA256).</summary>
    public string? CipherSuite { get; init; }
    /// <summary>ALPN protocol selected, e.g. "h2" or "http/1.1"; null when none.</summary>
    public string? Alpn { get; init; }
    /// <summary>The certificates the server sent, leaf first.</summary>
    public IReadOnlyList<CertificateEvidence> ServedChain { get; init; } = [];
    /// <summary>Validation of the served chain against the run's CA bundle only.</summary>
    public ChainValidationEvidence? ChainValidation { get; init; }
    /// <summary>Status of an HTTP request sent over the completed handshake; null when none came back.</summary>
    public int? HttpStatus { get; init; }
    /// <summary>Set when a first connection's request was refused gracefully before it was processed (an HTTP/2 GOAWAY
    /// naming an earlier last stream, RFC 9113 section 6.8): this evidence is then from the one new connection that a
    /// client makes in that case, and this says what the first connection got.</summary>
    public string? FirstAttemptRefusal { get; init; }
    /// <summary>When the handshake was observed.</summary>
    public DateTimeOffset ObservedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The leaf certificate, if any was served.</summary>
    public CertificateEvidence? Leaf => ServedChain.Count > 0 ? ServedChain[0] : null;
}

/// <summary>The result of building the served chain with custom root trust.</summary>
/// <param name="Trusted">True when a chain to one of the given roots was built without errors.</param>
/// <param name="Problems">Chain status problems, in words (empty when trusted).</param>
/// <param name="BuiltChain">SHA-256 fingerprints of the chain built, leaf first.</param>
public sealed record ChainValidationEvidence(bool Trusted, IReadOnlyList<string> Problems, IReadOnlyList<string> BuiltChain);
