using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>Facts about host-scope evidence that both unknown-host judges need.</summary>
internal static class HostScopeFacts
{
    /// <summary>Whether the ingress's HTTPS port answered anything at all (a completed handshake, or an HTTPS
    /// response): without that, a refused handshake cannot be told from an HTTPS port that is down. A plain-HTTP
    /// answer does not count: it says nothing about the HTTPS port, which may be silent while port 80 redirects.</summary>
    public static bool IngressAnswered(HostScopeEvidence evidence) =>
        IsHttpsAnswer(evidence.ApplicationBaseline)
        || evidence.Exchanges.Any(e => IsHttpsAnswer(e.Exchange))
        || evidence.Handshakes.Any(h => h.Handshake.Completed);

    /// <summary>Whether the name is one of the run's tenant hosts.</summary>
    public static bool IsTenant(HostScopeEvidence evidence, string? name) =>
        name is not null && evidence.TenantHosts.Any(t => HostNameMatcher.SameName(t, name));

    private static bool IsHttpsAnswer(HttpExchangeEvidence? exchange) =>
        exchange?.Status is not null && string.Equals(exchange.Scheme, "https", StringComparison.OrdinalIgnoreCase);
}
