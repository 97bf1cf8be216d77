namespace KubeRaya.Conformance.Probes;

/// <summary>
/// One request the HTTP probe sends: to an endpoint's address, with a Host header and (over HTTPS)
/// an SNI chosen independently, so that every combination a client could send can be probed.
/// </summary>
/// <param name="Endpoint">Where to connect.</param>
/// <param name="Scheme">"http" or "https"; picks the endpoint's port.</param>
/// <param name="HostHeader">The Host header; null addresses the request by IP (Host is then the IP, with the port when it is not the scheme's default).</param>
/// <param name="Sni">The SNI to present (https only); null, or an IP literal (which TLS forbids there), sends none.</param>
/// <param name="PathAndQuery">Path and query, beginning with "/".</param>
/// <param name="Method">The method; GET by default.</param>
/// <param name="Headers">Extra request headers.</param>
public sealed record HttpProbeRequest(
    ProbeEndpoint Endpoint,
    string Scheme,
    string? HostHeader,
    string? Sni,
    string PathAndQuery,
    string Method = "GET",
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>"http" or "https".</summary>
    public string Scheme { get; init; } = Scheme is "http" or "https"
        ? Scheme
        : throw new ArgumentException($"A probe request is \"http\" or \"https\", not \"{Scheme}\".", nameof(Scheme));

    /// <summary>Path and query, beginning with "/".</summary>
    public string PathAndQuery { get; init; } = PathAndQuery.StartsWith('/')
        ? PathAndQuery
        : throw new ArgumentException($"A path and query begins with \"/\"; got \"{PathAndQuery}\".", nameof(PathAndQuery));

    /// <summary>The SNI to present (https only); null sends none.</summary>
    public string? Sni { get; init; } = Sni is null || Scheme == "https"
        ? Sni
        : throw new ArgumentException("SNI belongs to TLS; a plain HTTP request cannot carry one.", nameof(Sni));

    /// <summary>An HTTPS request as a browser would send it to <paramref name="host"/>: SNI and Host both the host.</summary>
    public static HttpProbeRequest Https(ProbeEndpoint endpoint, string host, string pathAndQuery = "/") =>
        new(endpoint, "https", host, host, pathAndQuery);

    /// <summary>A plain HTTP request to <paramref name="host"/>.</summary>
    public static HttpProbeRequest Http(ProbeEndpoint endpoint, string host, string pathAndQuery = "/") =>
        new(endpoint, "http", host, null, pathAndQuery);

    /// <summary>The Host header value actually sent.</summary>
    public string EffectiveHost
    {
        get
        {
            if (HostHeader is not null) return HostHeader;
            var port = Endpoint.PortFor(Scheme);
            var isDefault = port == (Scheme == "https" ? 443 : 80);
            return isDefault ? Endpoint.AuthorityHost : $"{Endpoint.AuthorityHost}:{port}";
        }
    }
}
