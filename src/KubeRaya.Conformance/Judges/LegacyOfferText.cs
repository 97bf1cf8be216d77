using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>How a raw ClientHello offer and its answer read in a verdict.</summary>
internal static class LegacyOfferText
{
    /// <summary>e.g. "TLS1.0 offer refused (alert protocol_version)" or "TLS1.1 offer accepted: ServerHello TLS1.1 with TLS_RSA_WITH_AES_128_CBC_SHA".</summary>
    public static string Describe(LegacyHandshakeEvidence offer)
    {
        var what = $"{offer.OfferedVersion} offer";
        return offer.Result switch
        {
            LegacyHandshakeResult.Accepted =>
                $"{what} accepted: ServerHello {offer.NegotiatedVersion ?? "(version not recorded)"} with {offer.NegotiatedSuite ?? "(suite not recorded)"}",
            LegacyHandshakeResult.Refused => $"{what} refused (alert {offer.Alert ?? "not recorded"})",
            LegacyHandshakeResult.Closed => $"{what} answered by closing the connection",
            LegacyHandshakeResult.NoAnswer => $"{what} got no answer{Detail(offer)}",
            _ => $"{what} got an unintelligible answer{Detail(offer)}",
        };
    }

    /// <summary>Whether the offer was turned down (an alert or a close), as opposed to accepted or undecidable.</summary>
    public static bool TurnedDown(LegacyHandshakeEvidence offer) =>
        offer.Result is LegacyHandshakeResult.Refused or LegacyHandshakeResult.Closed;

    /// <summary>Whether the answer cannot be read as either acceptance or refusal.</summary>
    public static bool Undecidable(LegacyHandshakeEvidence offer) =>
        offer.Result is LegacyHandshakeResult.NoAnswer or LegacyHandshakeResult.Unintelligible;

    private static string Detail(LegacyHandshakeEvidence offer) =>
        string.IsNullOrEmpty(offer.Detail) ? "" : $" ({offer.Detail})";
}
