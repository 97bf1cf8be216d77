namespace KubeRaya.Conformance.Evidence;

/// <summary>An HTTP exchange with a label saying what it tried, e.g. "https, unrouted Host".</summary>
public sealed record LabelledExchange(string Label, HttpExchangeEvidence Exchange);

/// <summary>A TLS handshake with a label saying what it tried, e.g. "random SNI".</summary>
public sealed record LabelledHandshake(string Label, TlsHandshakeEvidence Handshake);

/// <summary>What the ingress does with requests that name none of its hosts.</summary>
public sealed record HostScopeEvidence
{
    /// <summary>The routed host whose neighbourhood was probed.</summary>
    public required string Host { get; init; }
    /// <summary>Every tenant host known to the run; no unrouted request may see their certificates or content.</summary>
    public required IReadOnlyList<string> TenantHosts { get; init; }
    /// <summary>A request to the routed host over HTTPS, to recognise the application's content.</summary>
    public HttpExchangeEvidence? ApplicationBaseline { get; init; }
    /// <summary>Requests with an unrouted Host, without SNI, with a random SNI, and addressed by IP, over HTTP and HTTPS.</summary>
    public IReadOnlyList<LabelledExchange> Exchanges { get; init; } = [];
    /// <summary>Handshakes with an unrouted SNI and without SNI.</summary>
    public IReadOnlyList<LabelledHandshake> Handshakes { get; init; } = [];
}
