namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>One raw ClientHello the probe sends, with why it is sent and how reports name it.</summary>
/// <param name="Purpose">"legacy-protocol" or "weak-ciphers" (see <see cref="LegacyOffers"/>).</param>
/// <param name="Description">How the offer is named in evidence, e.g. "TLS1.2 ClientHello offering only RC4 suites (4)".</param>
/// <param name="Hello">The ClientHello itself.</param>
public sealed record LegacyOffer(string Purpose, string Description, ClientHelloOffer Hello);
