using System.Globalization;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// The ingress-nginx annotations this controller honours, read from one Ingress (prefix
/// <c>nginx.ingress.kubernetes.io/</c>): ssl-redirect, force-ssl-redirect, auth-type basic with auth-secret,
/// auth-secret-type and auth-realm, limit-rps with limit-burst-multiplier. Others are ignored, as an older
/// ingress-nginx would ignore unknown ones.
/// </summary>
/// <param name="SslRedirect">Redirect HTTP to HTTPS when the host has TLS (default true).</param>
/// <param name="ForceSslRedirect">Redirect even when the host has no TLS (default false).</param>
/// <param name="AuthSecret">For basic auth: the Secret's namespace and name; null when auth is off.</param>
/// <param name="AuthSecretIsMap">True for auth-secret-type auth-map (one key per user), false for auth-file (key "auth").</param>
/// <param name="AuthRealm">The realm shown to clients.</param>
/// <param name="LimitRps">Requests per second per client address; null when not limited.</param>
/// <param name="LimitBurstMultiplier">Burst = rps × this (ingress-nginx default 5).</param>
public sealed record IngressAnnotations(
    bool SslRedirect,
    bool ForceSslRedirect,
    (string Namespace, string Name)? AuthSecret,
    bool AuthSecretIsMap,
    string AuthRealm,
    int? LimitRps,
    int LimitBurstMultiplier)
{
    /// <summary>The annotation prefix.</summary>
    public const string Prefix = "nginx.ingress.kubernetes.io/";

    /// <summary>Reads the annotations of <paramref name="ingress"/>.</summary>
    public static IngressAnnotations Of(V1Ingress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var all = ingress.Metadata?.Annotations ?? new Dictionary<string, string>();
        string? Get(string name) => all.TryGetValue(Prefix + name, out var value) ? value.Trim() : null;
        bool Flag(string name, bool fallback) => bool.TryParse(Get(name), out var value) ? value : fallback;
        int? Number(string name) => int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

        (string, string)? authSecret = null;
        if (string.Equals(Get("auth-type"), "basic", StringComparison.OrdinalIgnoreCase) && Get("auth-secret") is { Length: > 0 } reference)
        {
            var slash = reference.IndexOf('/', StringComparison.Ordinal);
            authSecret = slash < 0 ? (ingress.Metadata!.NamespaceProperty, reference) : (reference[..slash], reference[(slash + 1)..]);
        }

        return new IngressAnnotations(
            Flag("ssl-redirect", true),
            Flag("force-ssl-redirect", false),
            authSecret,
            string.Equals(Get("auth-secret-type"), "auth-map", StringComparison.OrdinalIgnoreCase),
            Get("auth-realm") is { Length: > 0 } realm ? realm : "Authentication Required",
            Number("limit-rps"),
            Number("limit-burst-multiplier") ?? 5);
    }
}
