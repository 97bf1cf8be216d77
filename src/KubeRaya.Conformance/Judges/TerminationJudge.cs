using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-TLS-02: TLS ends at the ingress. The echo backend reports a plain-HTTP connection (scheme http, no TLS) carrying
/// exactly X-Forwarded-Proto: https; and the leaf served to clients is the Ingress Secret's, never one a pod holds.
/// </summary>
public static class TerminationJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-TLS-02";

    /// <summary>Judges what the backend saw of one HTTPS request, and the leaf the client was served.</summary>
    /// <param name="host">The host judged.</param>
    /// <param name="echo">What the echo backend reported; null when its report was not obtained.</param>
    /// <param name="servedLeafFingerprint">SHA-256 of the leaf the ingress served.</param>
    /// <param name="secretLeafFingerprint">SHA-256 of the leaf in the Ingress Secret's tls.crt.</param>
    /// <param name="podCertificateFingerprints">SHA-256 of certificates the application pods hold, if any.</param>
    public static Verdict Judge(string host, EchoEvidence? echo, string? servedLeafFingerprint, string? secretLeafFingerprint,
        IReadOnlyList<string>? podCertificateFingerprints = null)
    {
        const string expected = "the backend receives plain HTTP (no TLS) with X-Forwarded-Proto: https; the served leaf is the Ingress Secret's, not a pod's";
        var findings = new Findings();
        if (echo is null)
        {
            findings.Undecided("the backend's report of the request was not obtained");
        }
        else
        {
            if (!string.Equals(echo.Scheme, "http", StringComparison.OrdinalIgnoreCase) || echo.Tls)
            {
                findings.Fail($"the backend received {echo.Scheme}{(echo.Tls ? " over TLS" : "")}");
            }
            if (echo.ForwardedProto is not [var proto] || !string.Equals(proto.Trim(), "https", StringComparison.OrdinalIgnoreCase))
            {
                findings.Fail($"the backend received X-Forwarded-Proto {EvidenceText.List(echo.ForwardedProto)}");
            }
        }
        var served = Fingerprint.Normalise(servedLeafFingerprint);
        var secret = Fingerprint.Normalise(secretLeafFingerprint);
        if (served is null || secret is null)
        {
            findings.Undecided($"fingerprints to compare are missing or malformed (served {EvidenceText.Quote(servedLeafFingerprint)}, Secret {EvidenceText.Quote(secretLeafFingerprint)})");
        }
        else if ((podCertificateFingerprints ?? []).Any(pod => Fingerprint.Same(pod, served)))
        {
            findings.Fail($"the served leaf {served} is a pod's certificate");
        }
        else if (served != secret)
        {
            findings.Fail($"the served leaf {served} is not the Ingress Secret's {secret}");
        }
        var observed = echo is null
            ? $"served leaf {served}"
            : $"backend {echo.Pod ?? "(pod not recorded)"} received {echo.Scheme}, TLS {(echo.Tls ? "yes" : "no")}, X-Forwarded-Proto {EvidenceText.List(echo.ForwardedProto)}; served leaf {served} = Secret leaf";
        return findings.Conclude(ControlId, host, expected, observed);
    }
}
