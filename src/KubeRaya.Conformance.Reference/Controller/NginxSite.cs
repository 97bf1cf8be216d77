using System.Net;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>Everything one nginx configuration says, before it is text.</summary>
/// <param name="IngressAddress">Where nginx listens on 80 and 443.</param>
/// <param name="Edge">Global TLS and HTTP settings.</param>
/// <param name="DefaultCertificate">What the default server presents (unknown or absent SNI).</param>
/// <param name="DefaultLocations">The default server's locations: host-less rules and a 404 <c>location /</c>.</param>
/// <param name="Hosts">One server per Ingress host.</param>
/// <param name="Limits">The limit_req zones.</param>
/// <param name="Proxies">ClusterIP and node-port TCP proxies.</param>
/// <param name="Passthrough">SNI routes to pods that terminate TLS themselves (tls-passthrough fault).</param>
/// <param name="Problems">Why objects were skipped or served degraded, for diagnostics.</param>
public sealed record NginxSite(
    IPAddress IngressAddress,
    EdgePolicy Edge,
    TlsMaterial DefaultCertificate,
    IReadOnlyList<NginxLocation> DefaultLocations,
    IReadOnlyList<VirtualHost> Hosts,
    IReadOnlyList<RateLimit> Limits,
    IReadOnlyList<StreamProxy> Proxies,
    IReadOnlyList<PassthroughRoute> Passthrough,
    IReadOnlyList<string> Problems)
{
    /// <summary>Every certificate the configuration uses.</summary>
    public IEnumerable<TlsMaterial> Certificates =>
        Hosts.Select(h => h.Certificate).Append(DefaultCertificate).Concat(Passthrough.Select(p => p.Certificate).OfType<TlsMaterial>()).Distinct();
}
