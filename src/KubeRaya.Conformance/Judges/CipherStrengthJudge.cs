using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-TLS-04: the suite a modern client negotiates is AEAD with forward secrecy, and every ClientHello offering only
/// weak suites is refused. The weak offers must offer nothing strong and, between them, cover every weakness family
/// the catalogue names (NULL, EXPORT, anon, RC4, 3DES, static-RSA CBC), and be made at TLS 1.2 (a refusal at an
/// older version may be a refusal of the version); otherwise their refusal proves too little and the control is
/// undecided.
/// </summary>
public static class CipherStrengthJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-TLS-04";

    /// <summary>Judges the modern handshake and the weak-suite offers made to one host.</summary>
    public static Verdict Judge(string host, TlsHandshakeEvidence modern, IReadOnlyList<LegacyHandshakeEvidence> weakOffers)
    {
        ArgumentNullException.ThrowIfNull(modern);
        ArgumentNullException.ThrowIfNull(weakOffers);
        var expected = "a modern client negotiates an AEAD suite with forward secrecy (TLS 1.3, or ECDHE/DHE with GCM, CCM or ChaCha20-Poly1305); "
            + $"ClientHellos offering only weak suites ({string.Join(", ", CipherSuiteStrength.WeakFamilies)}) are refused";
        var findings = new Findings();
        JudgeModern(host, modern, findings);
        foreach (var offer in weakOffers)
        {
            JudgeOffer(host, offer, findings);
        }
        var covered = weakOffers.SelectMany(o => o.OfferedSuites).SelectMany(CipherSuiteStrength.Families).ToHashSet(StringComparer.Ordinal);
        var uncovered = CipherSuiteStrength.WeakFamilies.Where(f => !covered.Contains(f)).ToList();
        if (uncovered.Count > 0)
        {
            findings.Undecided($"no weak-suite offer covered {string.Join(", ", uncovered)}");
        }
        var observed = $"modern client negotiated {modern.CipherSuite} over {modern.Protocol}; "
            + string.Join(", ", weakOffers.Select(o => $"{LegacyOfferText.Describe(o)} (offered {o.OfferedSuites.Count} weak suites)"));
        return findings.Conclude(ControlId, host, expected, observed);
    }

    private static void JudgeModern(string host, TlsHandshakeEvidence modern, Findings findings)
    {
        if (!ModernHandshake.Completed(host, modern, findings))
        {
            return;
        }
        if (!CipherSuiteStrength.IsIanaName(modern.CipherSuite))
        {
            findings.Undecided($"the negotiated suite {EvidenceText.Quote(modern.CipherSuite)} is not an IANA name and cannot be classified");
        }
        else if (!CipherSuiteStrength.IsAeadWithForwardSecrecy(modern.CipherSuite))
        {
            findings.Fail($"a modern client negotiated {modern.CipherSuite}, which is not AEAD with forward secrecy");
        }
    }

    private static void JudgeOffer(string host, LegacyHandshakeEvidence offer, Findings findings)
    {
        var suites = offer.OfferedSuites.Where(s => !CipherSuiteStrength.IsSignal(s)).ToList();
        var strong = suites.Where(s => CipherSuiteStrength.IsAeadWithForwardSecrecy(s) || CipherSuiteStrength.Families(s).Count == 0).ToList();
        if (!HostNameMatcher.SameName(offer.Host, host))
        {
            findings.Undecided($"a weak-suite offer was made to {offer.Host}, not {host}");
        }
        else if (ProtocolName.Canonical(offer.OfferedVersion) != ProtocolName.Tls12)
        {
            findings.Undecided($"a weak-suite offer at {offer.OfferedVersion} may be refused for its version rather than its suites; weak suites must be offered at TLS1.2");
        }
        else if (suites.Count == 0 || strong.Count > 0)
        {
            findings.Undecided($"a {offer.OfferedVersion} offer did not offer only weak suites (not weak: {EvidenceText.List(strong)}), so its answer proves nothing");
        }
        else if (offer.Result == LegacyHandshakeResult.Accepted)
        {
            findings.Fail($"weak-suite {LegacyOfferText.Describe(offer)}");
        }
        else if (LegacyOfferText.Undecidable(offer))
        {
            findings.Undecided($"weak-suite {LegacyOfferText.Describe(offer)}, which is neither acceptance nor refusal");
        }
    }
}
