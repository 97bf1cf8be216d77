using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>KR-CERT-06: the SHA-256 fingerprint of the served leaf equals that of the leaf in the Ingress Secret's tls.crt.</summary>
public static class SecretCertificateJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-CERT-06";

    /// <summary>Judges the leaf served for a host against the Secret's leaf.</summary>
    public static Verdict Judge(string host, CertificateEvidence? servedLeaf, string? secretLeafFingerprint)
    {
        var secret = Fingerprint.Normalise(secretLeafFingerprint);
        var expected = $"the served leaf has the SHA-256 fingerprint of the Secret's tls.crt leaf, {secret ?? EvidenceText.Quote(secretLeafFingerprint)}";
        if (secret is null)
        {
            return Verdict.Undecided(ControlId, host, expected, $"the Secret's leaf fingerprint {EvidenceText.Quote(secretLeafFingerprint)} is missing or not a SHA-256 fingerprint");
        }
        if (servedLeaf is null)
        {
            return Verdict.Undecided(ControlId, host, expected, "no certificate was served, so there is nothing to compare");
        }
        var observed = $"served {EvidenceText.Certificate(servedLeaf)}";
        return Fingerprint.Same(servedLeaf.Sha256Fingerprint, secret)
            ? Verdict.Pass(ControlId, host, expected, observed)
            : Verdict.Fail(ControlId, host, expected, observed);
    }
}
