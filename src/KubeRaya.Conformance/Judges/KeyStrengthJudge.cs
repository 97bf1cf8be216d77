using System.Globalization;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-CERT-05: an RSA key of at least 2048 bits or an EC key of at least 256 bits; a signature hash that is not
/// MD2, MD4, MD5 or SHA-1 (judged by OID, RSASSA-PSS by its parameters); a leaf that is not a CA; and a lifetime
/// of at most 398 days, counted as RFC 5280 counts it, from notBefore to notAfter inclusive.
/// </summary>
public static class KeyStrengthJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-CERT-05";

    /// <summary>The longest lifetime allowed, in days.</summary>
    public const int MaximumLifetimeDays = 398;

    /// <summary>Judges the leaf served for a host.</summary>
    public static Verdict Judge(string host, CertificateEvidence? leaf)
    {
        const string expected = "RSA >= 2048 bits or EC >= 256 bits; signature hash not SHA-1 or MD5; leaf not a CA; lifetime <= 398 days";
        if (leaf is null)
        {
            return Verdict.Undecided(ControlId, host, expected, "no certificate was served, so there is no key to judge");
        }
        var findings = new Findings();
        JudgeKey(leaf, findings);
        JudgeSignature(leaf, findings);
        if (leaf.IsCertificateAuthority)
        {
            findings.Fail("the leaf is a CA (basicConstraints CA:TRUE)");
        }
        // RFC 5280: the validity period runs from notBefore through notAfter, both inclusive, to the second.
        var lifetime = leaf.NotAfter - leaf.NotBefore + TimeSpan.FromSeconds(1);
        if (lifetime > TimeSpan.FromDays(MaximumLifetimeDays))
        {
            findings.Fail($"lifetime {EvidenceText.Days(lifetime)} (notBefore {EvidenceText.Time(leaf.NotBefore)}, notAfter {EvidenceText.Time(leaf.NotAfter)})");
        }
        var observed = $"{leaf.KeyAlgorithm} {leaf.KeySize.ToString(CultureInfo.InvariantCulture)} bits{(leaf.Curve is null ? "" : $" ({leaf.Curve})")}, "
            + $"signature {leaf.SignatureAlgorithm} ({leaf.SignatureAlgorithmOid}), CA {(leaf.IsCertificateAuthority ? "true" : "false")}, lifetime {EvidenceText.Days(lifetime)}";
        return findings.Conclude(ControlId, host, expected, observed);
    }

    private static void JudgeKey(CertificateEvidence leaf, Findings findings)
    {
        var bits = leaf.KeySize.ToString(CultureInfo.InvariantCulture);
        switch (leaf.KeyAlgorithm)
        {
            case "RSA" when leaf.KeySize < 2048:
                findings.Fail($"RSA key of {bits} bits");
                break;
            case "EC" when leaf.KeySize < 256:
                findings.Fail($"EC key of {bits} bits{(leaf.Curve is null ? "" : $" ({leaf.Curve})")}");
                break;
            case "RSA" or "EC":
                break;
            default:
                findings.Fail($"key algorithm {leaf.KeyAlgorithm} is neither RSA nor EC");
                break;
        }
    }

    private static void JudgeSignature(CertificateEvidence leaf, Findings findings)
    {
        if (string.IsNullOrEmpty(leaf.SignatureAlgorithmOid))
        {
            findings.Undecided("the signature algorithm OID was not recorded");
            return;
        }
        try
        {
            if (SignatureHash.BrokenHashOf(leaf) is { } hash)
            {
                findings.Fail($"signature {leaf.SignatureAlgorithm} ({leaf.SignatureAlgorithmOid}) uses {hash}");
            }
        }
        catch (FormatException e)
        {
            findings.Undecided($"the RSASSA-PSS signature hash cannot be read: {e.Message}");
        }
    }
}
