using KubeRaya.Conformance.Reference.Faults;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// The global TLS and HTTP settings, as ingress-nginx's defaults have them (ssl-protocols "TLSv1.2 TLSv1.3", its
/// ECDHE AEAD cipher list, HSTS "max-age=31536000; includeSubDomains", http-redirect-code 308), bent by the faults
/// that concern them. This is the one place where those faults change the controller's behaviour.
/// </summary>
/// <param name="Protocols">ssl_protocols.</param>
/// <param name="Ciphers">ssl_ciphers (TLS 1.2 and below; TLS 1.3 suites are OpenSSL's, all AEAD).</param>
/// <param name="Hsts">The Strict-Transport-Security value, or null for none.</param>
/// <param name="RedirectCode">The HTTP→HTTPS redirect status, or null for no redirect.</param>
public sealed record EdgePolicy(string Protocols, string Ciphers, string? Hsts, int? RedirectCode)
{
    /// <summary>ingress-nginx's default ssl-ciphers.</summary>
    public const string DefaultCiphers =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:" +
        "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384";

    /// <summary>ingress-nginx's default HSTS value (hsts-max-age 31536000, hsts-include-subdomains true).</summary>
    public const string DefaultHsts = "max-age=31536000; includeSubDomains";

    /// <summary>Forward-secret CBC suites: what TLS 1.0 and 1.1 need to negotiate at all (not "weak" in KR-TLS-04's sense).</summary>
    private const string LegacyForwardSecretCiphers = "ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA";

    /// <summary>Static-RSA CBC suites, put first under weak-ciphers (they need an RSA key, as the default certificate's).</summary>
    private const string StaticRsaCiphers = "AES128-SHA:AES256-SHA";

    /// <summary>
    /// Anonymous ECDH suites, put last under weak-ciphers: chosen only for a client that offers nothing better, so a
    /// probe offering only weak suites is answered whatever the key type, while ordinary clients still see a certificate.
    /// </summary>
    private const string AnonymousCiphers = "AECDH-AES128-SHA:AECDH-AES256-SHA";

    /// <summary>
    /// OpenSSL security level 1, pinned: the level ingress-nginx's images ran at while they were built on OpenSSL
    /// before 3.2 (whose compiled default is 1), where a tenant certificate with an RSA-1024 key still loads and is
    /// served, so that KR-CERT-05 has a weak key to judge. Pinned because the data plane's OpenSSL decides otherwise
    /// by distribution (Debian builds its 3.0 with level 2; OpenSSL 3.2 and later default to 2, and so do current
    /// ingress-nginx images, which refuse such a certificate at the handshake). Nothing else a control judges
    /// changes: the protocols and the cipher list are explicit, and no suite of the list is below level 2.
    /// </summary>
    public const string BaselineSecurityLevel = "@SECLEVEL=1";

    /// <summary>The policy under <paramref name="faults"/>.</summary>
    public static EdgePolicy For(FaultSet faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var legacy = faults.Has(FaultSwitch.Tls10Enabled);
        var weak = faults.Has(FaultSwitch.WeakCiphers);
        var ciphers = string.Join(':', new[]
        {
            weak ? StaticRsaCiphers : null,
            DefaultCiphers,
            legacy ? LegacyForwardSecretCiphers : null,
            weak ? AnonymousCiphers : null,
            legacy || weak ? "@SECLEVEL=0" : BaselineSecurityLevel,
        }.OfType<string>());
        return new EdgePolicy(
            legacy ? "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3" : "TLSv1.2 TLSv1.3",
            ciphers,
            faults.Has(FaultSwitch.HstsOff) ? null : DefaultHsts,
            faults.Has(FaultSwitch.NoHttpRedirect) ? null : faults.Has(FaultSwitch.Redirect302) ? 302 : 308);
    }
}
