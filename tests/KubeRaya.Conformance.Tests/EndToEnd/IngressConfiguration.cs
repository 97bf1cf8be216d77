using KubeRaya.Conformance.Pki;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// How the local nginx behaves, as data: <see cref="Correct"/> is configured the way ingress-nginx configures a sound
/// ingress (a 308 redirect to the same URL over HTTPS, HSTS for a year, TLS 1.2 and 1.3 with forward-secret AEAD
/// suites only, HTTP/2, certificates from the run's CA with their intermediate, and a default server with a
/// self-signed certificate answering 404 to every host it does not know); each fault changes exactly one thing with
/// <c>with</c>. Faults of one host apply to <see cref="FirstHost"/> only, so a run also proves the second host unaffected.
/// </summary>
internal sealed record IngressConfiguration
{
    /// <summary>The host that carries per-host faults.</summary>
    public const string FirstHost = "a.example.test";

    /// <summary>The host that is always served correctly.</summary>
    public const string SecondHost = "b.example.test";

    /// <summary>ingress-nginx's default ssl-ciphers that an EC or RSA certificate can serve: ECDHE with AEAD only.</summary>
    public const string ModernCiphers =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:" +
        "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

    /// <summary>ingress-nginx's default HSTS value.</summary>
    public const string YearLongHsts = "max-age=31536000; includeSubDomains";

    /// <summary>The nginx value of a redirect to the same host, path and query over HTTPS (<c>{https}</c> is the HTTPS port).</summary>
    public const string SameUrlOverHttps = "https://$host:{https}$request_uri";

    /// <summary>What the application answers: a page whose title identifies it wherever it leaks.</summary>
    public const string ApplicationPage =
        "<!doctype html><html><head><title>KubeRaya end-to-end sample app</title></head><body><p>sample application content</p></body></html>";

    /// <summary>Both public hosts.</summary>
    public static IReadOnlyList<string> Hosts { get; } = [FirstHost, SecondHost];

    /// <summary>A sound ingress.</summary>
    public static IngressConfiguration Correct { get; } = new();

    /// <summary>ssl_protocols, for every server.</summary>
    public string Protocols { get; init; } = "TLSv1.2 TLSv1.3";

    /// <summary>ssl_ciphers, for every server.</summary>
    public string Ciphers { get; init; } = ModernCiphers;

    /// <summary>The first host's status on plain HTTP: a redirect with this code, or null to serve the application.</summary>
    public int? FirstHostRedirectStatus { get; init; } = 308;

    /// <summary>Where the first host redirects to, as an nginx value.</summary>
    public string FirstHostRedirectTarget { get; init; } = SameUrlOverHttps;

    /// <summary>The first host's Strict-Transport-Security value over HTTPS, or null for none.</summary>
    public string? FirstHostHsts { get; init; } = YearLongHsts;

    /// <summary>The profile of the first host's certificate.</summary>
    public LeafProfile FirstHostCertificate { get; init; } = LeafProfile.Valid;

    /// <summary>Whether the first host's certificate comes from a CA that is not in the run's CA bundle.</summary>
    public bool FirstHostFromUnrelatedCa { get; init; }

    /// <summary>Whether the first host sends its intermediate after its leaf.</summary>
    public bool FirstHostServesIntermediate { get; init; } = true;

    /// <summary>Whether the default server answers unknown hosts with the application instead of 404.</summary>
    public bool DefaultServerServesApplication { get; init; }

    /// <summary>Whether the default server presents the first host's certificate instead of its self-signed one.</summary>
    public bool DefaultServerPresentsFirstHostCertificate { get; init; }
}
