using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-CERT-02: the served chain validates against the run's CA bundle only; every certificate of the built chain
/// below its trust anchor was served by the server (a chain that validates only thanks to an intermediate taken
/// from elsewhere fails); and the leaf's extended key usage, if present, includes serverAuth.
/// </summary>
/// <remarks>
/// The trust anchor is the last certificate of the built chain. When the CA bundle is given, only its self-issued
/// certificates are anchors, so an intermediate that sits in the bundle still has to be served. A leaf EKU that
/// lists only anyExtendedKeyUsage fails: the catalogue asks for serverAuth. A validation problem that is only the
/// leaf's own validity window (a "NotTimeValid: … (leaf subject)" problem) is set aside: it is KR-CERT-03's to judge,
/// and an expired leaf still chains to its CA.
/// </remarks>
public static class ChainTrustJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-CERT-02";

    /// <summary>Judges the chain served in one handshake.</summary>
    /// <param name="host">The host judged.</param>
    /// <param name="handshake">The handshake, with the validation of its served chain against the CA bundle only.</param>
    /// <param name="caBundle">The run's CA bundle, when known; decides which certificates are trust anchors.</param>
    public static Verdict Judge(string host, TlsHandshakeEvidence handshake, IReadOnlyList<CertificateEvidence>? caBundle = null)
    {
        ArgumentNullException.ThrowIfNull(handshake);
        const string expected = "the served chain leads to the run's CA without system roots; every intermediate is served; a leaf EKU, if present, includes serverAuth";
        var leaf = handshake.Leaf;
        var validation = handshake.ChainValidation;
        if (!HostNameMatcher.SameName(handshake.Host, host))
        {
            return Verdict.Undecided(ControlId, host, expected, $"the handshake was made to {handshake.Host}, not {host}");
        }
        if (leaf is null)
        {
            return Verdict.Undecided(ControlId, host, expected, $"no certificate was served ({handshake.Failure ?? "no reason recorded"})");
        }
        if (validation is null)
        {
            return Verdict.Undecided(ControlId, host, expected, "the served chain was not validated against the CA bundle");
        }
        var findings = new Findings();
        var problems = validation.Problems.Where(p => !IsLeafTimeProblem(p, leaf)).ToList();
        if (!validation.Trusted && (problems.Count > 0 || validation.BuiltChain.Count == 0))
        {
            findings.Fail($"the chain does not validate against the CA bundle: {EvidenceText.List(validation.Problems)}");
        }
        else
        {
            JudgeBuiltChain(handshake, validation, caBundle, findings);
        }
        JudgeExtendedKeyUsage(leaf, findings);
        var observed = $"served {handshake.ServedChain.Count} certificate(s); built chain {EvidenceText.List(validation.BuiltChain)}; "
            + $"leaf EKU {(leaf.ExtendedKeyUsages is null ? "absent" : EvidenceText.List(leaf.ExtendedKeyUsages))}";
        return findings.Conclude(ControlId, host, expected, observed);
    }

    /// <summary>A time-validity problem of the leaf itself ("NotTimeValid: … (subject)"), which is KR-CERT-03's to judge.</summary>
    private static bool IsLeafTimeProblem(string problem, CertificateEvidence leaf) =>
        problem.StartsWith("NotTimeValid:", StringComparison.Ordinal) && problem.EndsWith($"({leaf.Subject})", StringComparison.Ordinal);

    private static void JudgeBuiltChain(TlsHandshakeEvidence handshake, ChainValidationEvidence validation, IReadOnlyList<CertificateEvidence>? caBundle, Findings findings)
    {
        var built = validation.BuiltChain.Select(f => Fingerprint.Normalise(f) ?? f).ToList();
        if (built.Count == 0)
        {
            findings.Undecided("the validation says trusted but recorded no built chain");
            return;
        }
        if (built[0] != Fingerprint.Normalise(handshake.Leaf!.Sha256Fingerprint))
        {
            findings.Undecided($"the built chain starts at {built[0]}, not at the served leaf {handshake.Leaf!.Sha256Fingerprint}");
            return;
        }
        var served = handshake.ServedChain.Select(c => Fingerprint.Normalise(c.Sha256Fingerprint)).ToHashSet();
        var anchors = caBundle?.Where(c => c.Subject == c.Issuer).Select(c => Fingerprint.Normalise(c.Sha256Fingerprint)).ToHashSet();
        for (var i = 1; i < built.Count; i++)
        {
            var isAnchor = anchors is null ? i == built.Count - 1 : anchors.Contains(built[i]);
            if (!isAnchor && !served.Contains(built[i]))
            {
                findings.Fail($"intermediate {built[i]} was not served: the chain validates only with a certificate from elsewhere");
            }
        }
        if (anchors is not null && !anchors.Contains(built[^1]))
        {
            findings.Fail($"the chain ends at {built[^1]}, which is not a root of the CA bundle");
        }
    }

    private static void JudgeExtendedKeyUsage(CertificateEvidence leaf, Findings findings)
    {
        if (leaf.ExtendedKeyUsages is { } usages && !usages.Contains(CertificateEvidence.ServerAuthOid))
        {
            findings.Fail($"the leaf's extended key usage {EvidenceText.List(usages)} does not include serverAuth ({CertificateEvidence.ServerAuthOid})");
        }
    }
}
