namespace KubeRaya.Conformance.Controls;

/// <summary>
/// The catalogue every feature, step, report row and calibration fault is keyed to.
/// IDs are stable: never renumber; new controls go at the end of their family.
/// </summary>
public static class ControlCatalogue
{
    private const ControlModes E = ControlModes.Endpoint;
    private const ControlModes D = ControlModes.Deploy;
    private const ControlModes A = ControlModes.Audit;

    /// <summary>Every control, in catalogue order.</summary>
    public static IReadOnlyList<Control> All { get; } =
    [
        new("KR-TLS-01", "HTTPS is served for every public host",
            "TLS should always be enabled for public services", E | D | A, Profile.Core,
            "A TLS handshake presenting the host as SNI on the HTTPS port completes and an HTTP response comes back. Statically: every rule host of an Ingress appears in a spec.tls entry that names a Secret."),
        new("KR-TLS-02", "TLS terminates at the ingress; backends receive plain HTTP",
            "TLS termination belongs at the Ingress layer; Pods do not need public certificates", D, Profile.Core,
            "The echo backend reports that it received plain HTTP carrying X-Forwarded-Proto: https, and the certificate served is the Ingress Secret's, never one held by a pod."),
        new("KR-TLS-03", "Only TLS 1.2 and TLS 1.3 are accepted",
            "Encrypted communication; security hardening", E | D, Profile.Core,
            "TLS 1.2 or 1.3 negotiates; raw ClientHello records offering only SSL 3.0, TLS 1.0 or TLS 1.1 are refused. Raw records are used because the local TLS library will not offer legacy versions."),
        new("KR-TLS-04", "Only strong cipher suites are accepted",
            "Data integrity in transit", E | D, Profile.Core,
            "A modern client negotiates an AEAD suite with forward secrecy; a ClientHello offering only weak suites (NULL, EXPORT, anonymous, RC4, 3DES, static-RSA CBC) is refused."),
        new("KR-CERT-01", "The certificate names the host",
            "Server identity verification", E | D | A, Profile.Core,
            "A DNS subjectAltName matches the host per RFC 6125: a wildcard covers exactly one left-most label, the subject CN is ignored, IP SANs never name a host. Statically: the certificate of each TLS Secret names every host of its tls entry."),
        new("KR-CERT-02", "The chain leads to the expected CA",
            "Server identity verification", E | D, Profile.Core,
            "The chain is built from the certificates the server sends plus the given CA bundle only, without system roots; intermediates must be served; a leaf EKU, where present, allows serverAuth."),
        new("KR-CERT-03", "The certificate is within its validity window",
            "Rotate certificates before expiration", E | D | A, Profile.Core,
            "The current time lies between notBefore and notAfter."),
        new("KR-CERT-04", "The certificate has renewal headroom",
            "Rotate certificates before expiration", E | D | A, Profile.Core,
            "More than the configured renewal window (30 days by default) remains before notAfter."),
        new("KR-CERT-05", "Keys, signatures and the leaf profile are strong",
            "Security hardening", E | D | A, Profile.Core,
            "RSA keys of at least 2048 bits or EC keys of at least P-256; no SHA-1 or MD5 signature; the leaf is not a CA; the lifetime is at most 398 days."),
        new("KR-CERT-06", "The ingress serves the certificate stored in the Ingress's Secret",
            "Ingress simply consumes the certificate", D, Profile.Core,
            "The SHA-256 fingerprint of the served leaf equals that of the leaf in the Secret's tls.crt."),
        new("KR-CERT-07", "Certificates rotate without downtime",
            "Rotate certificates; Ingress is not set and forget", D, Profile.Core,
            "After the Secret is replaced the new certificate is served within 60 seconds, and a continuous probe during the change sees no failed request."),
        new("KR-CERT-08", "Certificates live in kubernetes.io/tls Secrets",
            "Store certificates as Secrets; avoid embedding certificates directly in manifests", D | A, Profile.Core,
            "Every spec.tls[].secretName resolves to a Secret of type kubernetes.io/tls in the Ingress's namespace; no PEM private key or certificate sits in a ConfigMap, an annotation or an environment value."),
        new("KR-HTTP-01", "Plain HTTP redirects permanently to HTTPS",
            "Redirect HTTP to HTTPS", E | D, Profile.Core,
            "A GET on the HTTP port gets 301 or 308 (never followed); Location is https:// with the same host, path and query, and no port or the HTTPS port under test; the body carries no application content."),
        new("KR-HTTP-02", "HTTPS responses carry HSTS",
            "Prefer HTTPS-only endpoints", E | D, Profile.Core,
            "Strict-Transport-Security is present with max-age of at least 15552000 seconds (180 days)."),
        new("KR-HOST-01", "Unknown hosts reach no application",
            "Limit exposed paths and hosts; avoid wildcard or overly broad rules", E | D, Profile.Core,
            "Requests with an unrouted Host, without SNI, or addressed by IP get 404 or 421 and none of the application's content, over HTTP and HTTPS."),
        new("KR-HOST-02", "Unknown SNI gets no tenant's certificate",
            "Accidental exposure of services", E | D, Profile.Core,
            "A handshake with an unrouted SNI, and one without SNI, is not answered with a certificate naming any tenant host."),
        new("KR-HOST-03", "Only declared paths reach the backend",
            "Limit exposed paths", D, Profile.Core,
            "A path outside the Ingress's declared paths gets 404 from the default backend, not from the application."),
        new("KR-HOST-04", "No wildcard or catch-all rules",
            "Always scope Ingress rules carefully", D | A, Profile.Core,
            "No rule has an empty or wildcard host, and no spec.defaultBackend points at an application."),
        new("KR-HOST-05", "Each host and path is claimed by one Ingress",
            "Accidental exposure of services", D | A, Profile.Core,
            "No two Ingresses, in any namespaces, claim the same host and path; a second claim can capture another tenant's traffic."),
        new("KR-PRIV-01", "Backends are ClusterIP Services",
            "Keep backend services private (ClusterIP); avoid NodePort instead of Ingress", D | A, Profile.Core,
            "Every Service behind an Ingress is of type ClusterIP without externalIPs, and no NodePort or LoadBalancer Service selects application pods."),
        new("KR-PRIV-02", "Backends are unreachable from outside",
            "Backend services remain private", D, Profile.Core,
            "TCP connections from the harness to every pod IP and ClusterIP of the application fail."),
        new("KR-PRIV-03", "Applications use no host networking",
            "Public exposure is explicit", D | A, Profile.Core,
            "Application pods use neither hostNetwork nor hostPort."),
        new("KR-UX-01", "A real browser reaches the app securely",
            "Encrypted communication (HTTPS)", E | D, Profile.Core,
            "Headless Chromium trusting only the run's CA opens http://host/ and ends on https://host/ without a certificate error; a screenshot is kept as evidence."),
        new("KR-EXT-01", "TLS 1.3 is offered",
            "Security hardening", E | D, Profile.Extended,
            "A TLS 1.3 handshake succeeds."),
        new("KR-EXT-02", "HTTP/2 is offered through ALPN",
            "(no guidance line; a common expectation of modern ingresses)", E | D, Profile.Extended,
            "ALPN selects h2."),
        new("KR-EXT-03", "Authentication at the ingress",
            "Combine with authentication", D, Profile.Extended,
            "An Ingress that requires basic authentication answers 401 without credentials and 200 with them."),
        new("KR-EXT-04", "Rate limiting at the ingress",
            "Rate limiting (if supported)", D, Profile.Extended,
            "An Ingress with a request limit answers 429 or 503 once a bounded burst exceeds it."),
    ];

    private static readonly Dictionary<string, Control> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The control with this ID.</summary>
    /// <exception cref="KeyNotFoundException">No control has this ID.</exception>
    public static Control Get(string id) =>
        ById.TryGetValue(id, out var control) ? control : throw new KeyNotFoundException($"No control {id} in the catalogue.");

    /// <summary>Whether an ID names a control.</summary>
    public static bool Contains(string id) => ById.ContainsKey(id);

    /// <summary>The controls decidable in a mode.</summary>
    public static IEnumerable<Control> InMode(ControlModes mode) => All.Where(c => (c.Modes & mode) != 0);
}
