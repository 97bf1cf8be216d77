namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>The raw ClientHellos behind KR-TLS-03 (legacy protocol versions) and KR-TLS-04 (weak cipher suites), as data.</summary>
public static class LegacyOffers
{
    /// <summary>Purpose of the offers behind KR-TLS-03.</summary>
    public const string LegacyProtocolPurpose = "legacy-protocol";

    /// <summary>Purpose of the offers behind KR-TLS-04.</summary>
    public const string WeakCipherPurpose = "weak-ciphers";

    /// <summary>The legacy versions KR-TLS-03 requires to be refused.</summary>
    public static IReadOnlyList<TlsVersion> LegacyVersions { get; } = [TlsVersion.Ssl3, TlsVersion.Tls10, TlsVersion.Tls11];

    /// <summary>
    /// One offer per legacy version, each with every catalogue suite a server may negotiate at that version
    /// (forward-secret CBC and all the weak ones), so that a server that still speaks the version with any suite at
    /// all answers with a ServerHello.
    /// </summary>
    public static IReadOnlyList<LegacyOffer> LegacyProtocols(string host) =>
        LegacyVersions.Select(version =>
        {
            var suites = CipherSuiteCatalogue.UsableAt(version);
            return new LegacyOffer(
                LegacyProtocolPurpose,
                $"{version} ClientHello offering {suites.Count} suites",
                new ClientHelloOffer { Version = version, Suites = suites, ServerName = host });
        }).ToList();

    /// <summary>
    /// One TLS 1.2 offer per weak group (NULL, EXPORT, anon, RC4, DES/3DES, static-RSA CBC), each offering only that
    /// group's suites. A server picks one suite per hello, so a single offer of all weak suites would name only the
    /// first weak group the server tolerates; one offer per group names every group it accepts, which is what a
    /// remediation needs. Together they detect exactly what one all-weak offer would (a server accepts the union if
    /// and only if it accepts some group's suites), so a combined offer would add a connection and no detection.
    /// </summary>
    public static IReadOnlyList<LegacyOffer> WeakCiphers(string host) =>
        CipherSuiteCatalogue.WeakGroups.Select(group =>
        {
            var suites = CipherSuiteCatalogue.InGroup(group);
            return new LegacyOffer(
                WeakCipherPurpose,
                $"{TlsVersion.Tls12} ClientHello offering only {CipherSuiteCatalogue.Describe(group)} suites ({suites.Count})",
                new ClientHelloOffer { Version = TlsVersion.Tls12, Suites = suites, ServerName = host });
        }).ToList();
}
