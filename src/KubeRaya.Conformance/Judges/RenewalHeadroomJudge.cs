using System.Globalization;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>KR-CERT-04: strictly more than the renewal window (30 days by default) remains before notAfter.</summary>
public static class RenewalHeadroomJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-CERT-04";

    /// <summary>Judges the leaf served for a host at the given time.</summary>
    public static Verdict Judge(string host, CertificateEvidence? leaf, DateTimeOffset now, int windowDays = 30)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);
        var expected = $"more than {windowDays.ToString(CultureInfo.InvariantCulture)} days remain before notAfter, with now {EvidenceText.Time(now)}";
        if (leaf is null)
        {
            return Verdict.Undecided(ControlId, host, expected, "no certificate was served, so there is no notAfter to check");
        }
        var remaining = leaf.NotAfter - now;
        var observed = remaining < TimeSpan.Zero
            ? $"notAfter {EvidenceText.Time(leaf.NotAfter)}: expired {EvidenceText.Days(-remaining)} ago"
            : $"notAfter {EvidenceText.Time(leaf.NotAfter)}: {EvidenceText.Days(remaining)} remain";
        return remaining > TimeSpan.FromDays(windowDays)
            ? Verdict.Pass(ControlId, host, expected, observed)
            : Verdict.Fail(ControlId, host, expected, observed);
    }
}
