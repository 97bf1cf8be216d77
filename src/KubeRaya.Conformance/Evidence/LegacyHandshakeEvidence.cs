namespace KubeRaya.Conformance.Evidence;

/// <summary>How a server answered a raw ClientHello.</summary>
public enum LegacyHandshakeResult
{
    /// <summary>A ServerHello came back agreeing to the offer (the offered version or a lower one, and an offered
    /// suite): the offer was accepted.</summary>
    Accepted,
    /// <summary>A TLS alert came back (or a ServerHello for a higher version than offered, which no client at the
    /// offered version can continue from): the offer was refused.</summary>
    Refused,
    /// <summary>The connection was closed or reset without a ServerHello.</summary>
    Closed,
    /// <summary>Nothing came back within the timeout.</summary>
    NoAnswer,
    /// <summary>Something else came back (not TLS, a truncated or malformed record, a ServerHello choosing what was
    /// never offered), or the connection failed.</summary>
    Unintelligible,
}

/// <summary>One raw ClientHello offer and the server's answer.</summary>
public sealed record LegacyHandshakeEvidence
{
    /// <summary>The public host (sent as SNI).</summary>
    public required string Host { get; init; }
    /// <summary>The address connected to.</summary>
    public required string Address { get; init; }
    /// <summary>The TCP port.</summary>
    public required int Port { get; init; }
    /// <summary>The version offered: "SSLv3", "TLS1.0", "TLS1.1" or "TLS1.2".</summary>
    public required string OfferedVersion { get; init; }
    /// <summary>What the offer was about, e.g. "legacy-protocol" or "weak-ciphers".</summary>
    public required string Purpose { get; init; }
    /// <summary>IANA names of the suites offered.</summary>
    public required IReadOnlyList<string> OfferedSuites { get; init; }
    /// <summary>How the server answered.</summary>
    public required LegacyHandshakeResult Result { get; init; }
    /// <summary>Version in the ServerHello, when accepted.</summary>
    public string? NegotiatedVersion { get; init; }
    /// <summary>Suite in the ServerHello (IANA name or hex code), when accepted.</summary>
    public string? NegotiatedSuite { get; init; }
    /// <summary>Alert description name, when refused (e.g. protocol_version, handshake_failure).</summary>
    public string? Alert { get; init; }
    /// <summary>A human-readable description of what came back.</summary>
    public string Detail { get; init; } = "";
}
