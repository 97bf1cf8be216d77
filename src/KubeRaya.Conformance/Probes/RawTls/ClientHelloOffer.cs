namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>What one raw ClientHello offers: a version, a list of suites, and the host to name in SNI.</summary>
public sealed record ClientHelloOffer
{
    private readonly TlsVersion? recordVersion;

    /// <summary>ClientHello.client_version: the highest version the hello admits to.</summary>
    public required TlsVersion Version { get; init; }

    /// <summary>The suites offered, in order of preference. Never empty.</summary>
    public required IReadOnlyList<CipherSuite> Suites { get; init; }

    /// <summary>
    /// The host sent as server_name (SNI). Null, or an IP literal, sends none: RFC 6066 §3 does not allow
    /// literal addresses in SNI.
    /// </summary>
    public string? ServerName { get; init; }

    /// <summary>
    /// The version in the record header. Defaults to {3,0} for an SSLv3 offer and {3,1} otherwise, as
    /// RFC 5246 App. E.1 and RFC 8446 §5.1 allow and as deployed clients do, so that a server that reads the
    /// record version rather than client_version still sees the version under test.
    /// </summary>
    public TlsVersion RecordVersion
    {
        get => recordVersion ?? (Version <= TlsVersion.Ssl3 ? TlsVersion.Ssl3 : TlsVersion.Tls10);
        init => recordVersion = value;
    }

    /// <summary>True when the offer carries hello extensions (everything above SSLv3, which RFC 6101 defines without them).</summary>
    public bool HasExtensions => Version > TlsVersion.Ssl3;

    /// <summary>The IANA names of the suites, in order.</summary>
    public IReadOnlyList<string> SuiteNames => Suites.Select(s => s.Name).ToList();
}
