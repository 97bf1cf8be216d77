using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-HOST-02: no handshake with an unrouted SNI, or without SNI, is answered with a leaf that names any tenant host
/// (per <see cref="HostNameMatcher"/>: a wildcard covering a tenant counts). A refused handshake gives no certificate
/// and is fine, as long as the ingress answered something else (otherwise it cannot be told from an outage).
/// The evidence must hold a handshake without SNI and one with an SNI naming no tenant.
/// </summary>
public static class UnknownSniJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-HOST-02";

    /// <summary>Judges the unrouted handshakes made around one routed host.</summary>
    public static Verdict Judge(HostScopeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var expected = $"handshakes with an unrouted SNI and without SNI get no certificate naming a tenant host {EvidenceText.List(evidence.TenantHosts)}";
        var findings = new Findings();
        var answered = HostScopeFacts.IngressAnswered(evidence);
        foreach (var (label, handshake) in evidence.Handshakes)
        {
            if (HostScopeFacts.IsTenant(evidence, handshake.Sni))
            {
                findings.Undecided($"{label}: SNI {handshake.Sni} is a tenant host, not an unrouted one");
                continue;
            }
            if (handshake.Leaf is not { } leaf)
            {
                if (!answered)
                {
                    findings.Undecided($"{label}: no certificate ({handshake.Failure ?? "no reason recorded"}), and the HTTPS port answered nothing in the evidence, so a refusal cannot be told from an outage");
                }
                continue;
            }
            var named = evidence.TenantHosts
                .Select(tenant => (tenant, san: HostNameMatcher.MatchingName(leaf, tenant)))
                .Where(m => m.san is not null)
                .Select(m => m.san == m.tenant ? m.tenant : $"{m.tenant} (by {m.san})")
                .ToList();
            if (named.Count > 0)
            {
                findings.Fail($"{label}: {EvidenceText.Certificate(leaf)} names tenant host(s) {string.Join(", ", named)}");
            }
        }
        if (!evidence.Handshakes.Any(h => h.Handshake.Sni is null))
        {
            findings.Undecided("the evidence has no handshake without SNI");
        }
        if (!evidence.Handshakes.Any(h => h.Handshake.Sni is not null && !HostScopeFacts.IsTenant(evidence, h.Handshake.Sni)))
        {
            findings.Undecided("the evidence has no handshake with an unrouted SNI");
        }
        var observed = string.Join("; ", evidence.Handshakes.Select(h =>
            $"{h.Label}: {(h.Handshake.Leaf is { } leaf ? EvidenceText.Certificate(leaf) : $"no certificate ({h.Handshake.Failure ?? "no reason recorded"})")}"));
        return findings.Conclude(ControlId, evidence.Host, expected, observed);
    }
}
