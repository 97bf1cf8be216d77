using System.Net;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>An nginx upstream: the ready endpoints of one Service port (pod IP and target port), like ingress-nginx's.</summary>
/// <param name="Name">The nginx-safe name.</param>
/// <param name="Servers">The endpoints; when empty, requests get 503 as from ingress-nginx without endpoints.</param>
public sealed record Upstream(string Name, IReadOnlyList<IPEndPoint> Servers)
{
    /// <summary>Where the same pods terminate TLS themselves (tls-passthrough fault only; else empty).</summary>
    public IReadOnlyList<IPEndPoint> PassthroughServers { get; init; } = [];
}
