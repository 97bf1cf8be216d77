using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>KR-CERT-01: a DNS subjectAltName of the served leaf names the host, per <see cref="HostNameMatcher"/>.
/// The subject CN and IP SANs never count.</summary>
public static class CertificateNamesHostJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-CERT-01";

    /// <summary>Judges the leaf served for a host; a missing leaf leaves the control undecided.</summary>
    public static Verdict Judge(string host, CertificateEvidence? leaf)
    {
        var expected = $"a DNS subjectAltName names {host} (RFC 6125: wildcard covers exactly one left-most label; CN and IP SANs ignored)";
        if (HostNameMatcher.IsIpLiteral(host))
        {
            return Verdict.Undecided(ControlId, host, expected, $"{host} is an IP literal; this control judges DNS host names only");
        }
        if (leaf is null)
        {
            return Verdict.Undecided(ControlId, host, expected, "no certificate was served, so there is nothing to match");
        }
        var match = HostNameMatcher.MatchingName(leaf, host);
        if (match is not null)
        {
            return Verdict.Pass(ControlId, host, expected, $"DNS SAN {match} names {host}; {EvidenceText.Certificate(leaf)}");
        }
        var why = leaf.DnsNames.Count == 0
            ? "the certificate has no DNS SAN at all (its subject CN is ignored per RFC 6125)"
            : "no DNS SAN names the host";
        return Verdict.Fail(ControlId, host, expected, $"{why}; {EvidenceText.Certificate(leaf)}");
    }
}
