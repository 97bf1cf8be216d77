namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>What one nginx location does: proxy to an upstream, or answer with a status (404 default backend, 503 unavailable).</summary>
/// <param name="Upstream">Where to proxy; null to answer <paramref name="Status"/>.</param>
/// <param name="Status">The status to answer when not proxying.</param>
/// <param name="Redirect">Redirect plain HTTP to HTTPS first (ssl-redirect on a TLS host, or force-ssl-redirect).</param>
/// <param name="AuthFile">The htpasswd file for basic auth, if the Ingress asks for it.</param>
/// <param name="AuthRealm">The basic-auth realm.</param>
/// <param name="Limit">The request-rate limit, if the Ingress asks for one.</param>
/// <param name="Origin">The Ingress it comes from (<c>namespace/name</c>), or what made it (default backend, a fault).</param>
public sealed record RouteAction(Upstream? Upstream, int Status, bool Redirect, string? AuthFile, string AuthRealm, RateLimit? Limit, string Origin)
{
    /// <summary>Answers 404 like ingress-nginx's default backend.</summary>
    public static RouteAction NotFound(bool redirect, string origin) => new(null, 404, redirect, null, string.Empty, null, origin);

    /// <summary>True when it answers with a status instead of proxying (no upstream, or one without endpoints).</summary>
    public bool AnswersStatus => Upstream is not { Servers.Count: > 0 };

    /// <summary>The status when <see cref="AnswersStatus"/>: 503 for a backend without endpoints.</summary>
    public int EffectiveStatus => Upstream is null ? Status : 503;
}
