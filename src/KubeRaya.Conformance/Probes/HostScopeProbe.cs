using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Probes what an endpoint does with requests that name none of its hosts (KR-HOST-01, KR-HOST-02):
/// an application baseline on the routed host, then, all at once, requests over HTTP and HTTPS with
/// unrouted Host names, without SNI, with a random SNI, addressed by IP, and with the routed SNI but an
/// unrouted Host; and handshakes with unrouted SNIs and with none. Names are random per call, never
/// one of the tenant hosts. Records evidence only; judges decide.
/// </summary>
public sealed class HostScopeProbe
{
    /// <summary>Label of the HTTP request with an unrouted Host beside the routed host.</summary>
    public const string HttpUnroutedSibling = "http, unrouted Host beside the routed host";
    /// <summary>Label of the HTTP request with an unrouted Host under .invalid.</summary>
    public const string HttpUnroutedInvalid = "http, unrouted Host under .invalid";
    /// <summary>Label of the HTTP request addressed by IP (Host is the IP).</summary>
    public const string HttpByIp = "http, addressed by IP";
    /// <summary>Label of the HTTPS request with an unrouted Host beside the routed host, SNI the same name.</summary>
    public const string HttpsUnroutedSibling = "https, unrouted Host and SNI beside the routed host";
    /// <summary>Label of the HTTPS request with an unrouted Host under .invalid, SNI the same name.</summary>
    public const string HttpsUnroutedInvalid = "https, unrouted Host and SNI under .invalid";
    /// <summary>Label of the HTTPS request without SNI (Host an unrouted name beside the routed host).</summary>
    public const string HttpsNoSni = "https, no SNI";
    /// <summary>Label of the HTTPS request with a random SNI under .invalid (Host an unrouted name beside the routed host).</summary>
    public const string HttpsRandomSni = "https, random SNI";
    /// <summary>Label of the HTTPS request addressed by IP: no SNI, Host is the IP.</summary>
    public const string HttpsByIp = "https, addressed by IP";
    /// <summary>Label of the HTTPS request with the routed host as SNI but an unrouted Host (routing must follow Host, not the TLS name).</summary>
    public const string HttpsRoutedSniUnroutedHost = "https, routed SNI with an unrouted Host";
    /// <summary>Label of the handshake with an unrouted SNI beside the routed host.</summary>
    public const string HandshakeUnroutedSibling = "unrouted SNI beside the routed host";
    /// <summary>Label of the handshake with an unrouted SNI under .invalid.</summary>
    public const string HandshakeUnroutedInvalid = "unrouted SNI under .invalid";
    /// <summary>Label of the handshake without SNI.</summary>
    public const string HandshakeNoSni = "no SNI";

    private readonly HttpProbe _http;
    private readonly TlsProbe _tls;

    /// <summary>Creates the probe from the two probes it drives.</summary>
    public HostScopeProbe(HttpProbe http, TlsProbe tls)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tls);
        _http = http;
        _tls = tls;
    }

    /// <summary>Probes the neighbourhood of <paramref name="host"/> on <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">Where to connect.</param>
    /// <param name="host">The routed host.</param>
    /// <param name="tenantHosts">Every tenant host of the run; random names never collide with them.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    public async Task<HostScopeEvidence> ProbeAsync(ProbeEndpoint endpoint, string host, IReadOnlyList<string> tenantHosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentNullException.ThrowIfNull(tenantHosts);
        var known = new HashSet<string>(tenantHosts.Append(host), StringComparer.OrdinalIgnoreCase);
        var sibling = Unrouted(() => RandomHostNames.SiblingOf(host), known);
        var invalid = Unrouted(RandomHostNames.UnderInvalid, known);
        var randomSni = Unrouted(RandomHostNames.UnderInvalid, known);
        var ipHost = new HttpProbeRequest(endpoint, "https", null, null, "/").EffectiveHost;

        var baseline = _http.SendAsync(HttpProbeRequest.Https(endpoint, host), cancellationToken);
        var exchanges = new (string Label, HttpProbeRequest Request)[]
        {
            (HttpUnroutedSibling, HttpProbeRequest.Http(endpoint, sibling)),
            (HttpUnroutedInvalid, HttpProbeRequest.Http(endpoint, invalid)),
            (HttpByIp, new HttpProbeRequest(endpoint, "http", null, null, "/")),
            (HttpsUnroutedSibling, HttpProbeRequest.Https(endpoint, sibling)),
            (HttpsUnroutedInvalid, HttpProbeRequest.Https(endpoint, invalid)),
            (HttpsNoSni, new HttpProbeRequest(endpoint, "https", sibling, null, "/")),
            (HttpsRandomSni, new HttpProbeRequest(endpoint, "https", sibling, randomSni, "/")),
            (HttpsByIp, new HttpProbeRequest(endpoint, "https", null, null, "/")),
            (HttpsRoutedSniUnroutedHost, new HttpProbeRequest(endpoint, "https", sibling, host, "/")),
        }.Select(async e => new LabelledExchange(e.Label, await _http.SendAsync(e.Request, cancellationToken).ConfigureAwait(false))).ToList();
        var handshakes = new (string Label, string Host, string? Sni)[]
        {
            (HandshakeUnroutedSibling, sibling, sibling),
            (HandshakeUnroutedInvalid, invalid, invalid),
            (HandshakeNoSni, ipHost, null),
        }.Select(async h => new LabelledHandshake(h.Label, await _tls.HandshakeAsync(endpoint, h.Host, h.Sni, null, cancellationToken).ConfigureAwait(false))).ToList();

        return new HostScopeEvidence
        {
            Host = host,
            TenantHosts = tenantHosts.ToList(),
            ApplicationBaseline = await baseline.ConfigureAwait(false),
            Exchanges = await Task.WhenAll(exchanges).ConfigureAwait(false),
            Handshakes = await Task.WhenAll(handshakes).ConfigureAwait(false),
        };
    }

    private static string Unrouted(Func<string> make, HashSet<string> known)
    {
        while (true)
        {
            var name = make();
            if (known.Add(name)) return name;
        }
    }
}
