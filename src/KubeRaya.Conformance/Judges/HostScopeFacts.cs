using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>Facts about host-scope evidence that both unknown-host judges need.</summary>
internal static class HostScopeFacts
{
    /// <summary>Whether the ingress answered anything at all: without that, a refused handshake cannot be told
    /// from an ingress that is down.</summary>
    public static bool IngressAnswered(HostScopeEvidence evidence) =>
        evidence.ApplicationBaseline?.Status is not null
        || evidence.Exchanges.Any(e => e.Exchange.Status is not null)
        || evidence.Handshakes.Any(h => h.Handshake.Completed);

    /// <summary>Whether the name is one of the run's tenant hosts.</summary>
    public static bool IsTenant(HostScopeEvidence evidence, string? name) =>
        name is not null && evidence.TenantHosts.Any(t => HostNameMatcher.SameName(t, name));
}
