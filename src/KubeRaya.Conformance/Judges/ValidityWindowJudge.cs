using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>KR-CERT-03: now lies within the leaf's validity window, both ends included (RFC 5280 §4.1.2.5).</summary>
public static class ValidityWindowJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-CERT-03";

    /// <summary>Judges the leaf served for a host at the given time.</summary>
    public static Verdict Judge(string host, CertificateEvidence? leaf, DateTimeOffset now)
    {
        if (leaf is null)
        {
            return Verdict.Undecided(ControlId, host, "a certificate valid now", "no certificate was served, so there is no validity window to check");
        }
        var expected = $"notBefore <= now <= notAfter, with now {EvidenceText.Time(now)}";
        var window = $"notBefore {EvidenceText.Time(leaf.NotBefore)}, notAfter {EvidenceText.Time(leaf.NotAfter)}";
        if (now < leaf.NotBefore)
        {
            return Verdict.Fail(ControlId, host, expected, $"not yet valid: {window} ({EvidenceText.Days(leaf.NotBefore - now)} in the future)");
        }
        if (now > leaf.NotAfter)
        {
            return Verdict.Fail(ControlId, host, expected, $"expired: {window} ({EvidenceText.Days(now - leaf.NotAfter)} ago)");
        }
        return Verdict.Pass(ControlId, host, expected, window);
    }
}
