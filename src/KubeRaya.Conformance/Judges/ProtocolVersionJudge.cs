using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-TLS-03: a modern client negotiates TLS 1.2 or 1.3, and raw ClientHellos offering SSL 3.0, TLS 1.0 and
/// TLS 1.1 are each refused (an alert or a closed connection). An offer with no answer or an unintelligible one
/// leaves the control undecided; so does an offer of SSL 3.0, TLS 1.0 or TLS 1.1 missing from the evidence, and an
/// offer carrying only weak suites (its refusal may be of the suites, not the version).
/// </summary>
public static class ProtocolVersionJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-TLS-03";

    /// <summary>Judges the modern handshake and the legacy offers made to one host.</summary>
    public static Verdict Judge(string host, TlsHandshakeEvidence modern, IReadOnlyList<LegacyHandshakeEvidence> legacyOffers)
    {
        ArgumentNullException.ThrowIfNull(modern);
        ArgumentNullException.ThrowIfNull(legacyOffers);
        const string expected = "a modern client negotiates TLS1.2 or TLS1.3; ClientHellos offering only SSLv3, TLS1.0 or TLS1.1 are each refused";
        var findings = new Findings();
        JudgeModern(host, modern, findings);
        foreach (var offer in legacyOffers)
        {
            var version = ProtocolName.Canonical(offer.OfferedVersion);
            if (!HostNameMatcher.SameName(offer.Host, host))
            {
                findings.Undecided($"an offer was made to {offer.Host}, not {host}");
            }
            else if (version is null || !ProtocolName.Legacy.Contains(version))
            {
                findings.Undecided($"an offer of {offer.OfferedVersion} is not a legacy-protocol offer and was not expected here");
            }
            else if (!offer.OfferedSuites.Any(suite => !CipherSuiteStrength.IsSignal(suite) && CipherSuiteStrength.Families(suite).Count == 0))
            {
                findings.Undecided($"the {version} offer carried only weak suites {EvidenceText.List(offer.OfferedSuites)}, so a refusal may be of the suites rather than the version");
            }
            else if (offer.Result == LegacyHandshakeResult.Accepted)
            {
                findings.Fail(LegacyOfferText.Describe(offer));
            }
            else if (LegacyOfferText.Undecidable(offer))
            {
                findings.Undecided(LegacyOfferText.Describe(offer) + ", which is neither acceptance nor refusal");
            }
        }
        var offered = legacyOffers.Select(o => ProtocolName.Canonical(o.OfferedVersion)).ToHashSet();
        var missing = ProtocolName.Legacy.Where(v => !offered.Contains(v)).ToList();
        if (missing.Count > 0)
        {
            findings.Undecided($"no offer of {string.Join(", ", missing)} was made");
        }
        var observed = $"negotiated {ProtocolName.Canonical(modern.Protocol)}; " + string.Join(", ", legacyOffers.Select(LegacyOfferText.Describe));
        return findings.Conclude(ControlId, host, expected, observed);
    }

    private static void JudgeModern(string host, TlsHandshakeEvidence modern, Findings findings)
    {
        if (ModernHandshake.Completed(host, modern, findings)
            && ProtocolName.Canonical(modern.Protocol) is not (ProtocolName.Tls12 or ProtocolName.Tls13))
        {
            findings.Fail($"a modern client negotiated {modern.Protocol ?? "an unrecorded protocol"}");
        }
    }
}
