using System.Security.Cryptography;
using System.Text;

namespace KubeRaya.Conformance.Workloads;

/// <summary>Builds the spec of each app variant with fresh random names.</summary>
public static class SampleAppSpecs
{
    /// <summary>User name the basic-auth variant accepts.</summary>
    public const string BasicAuthUser = "conformance";

    /// <summary>Requests per second the rate-limited variant allows.</summary>
    public const int RateLimitPerSecond = 2;

    /// <summary>A spec for a variant; <paramref name="basicAuthPassword"/> is used by <see cref="AppVariant.BasicAuth"/>.</summary>
    public static SampleAppSpec For(AppVariant variant, WorkloadNames names, int hostCount, string? ingressClass, string basicAuthPassword)
    {
        ArgumentNullException.ThrowIfNull(names);
        var ns = names.Namespace(variant.ToString());
        var spec = new SampleAppSpec
        {
            Namespace = ns,
            Name = names.Object("echo"),
            Hosts = Enumerable.Range(0, hostCount).Select(_ => names.Host()).ToList(),
            TlsSecretName = names.Object("tls"),
            IngressClass = ingressClass,
        };
        return variant switch
        {
            AppVariant.DeclaredPaths => spec with { Paths = [new("/app", "Prefix"), new("/health", "Prefix")] },
            AppVariant.BasicAuth => spec with
            {
                IngressAnnotations = new Dictionary<string, string>
                {
                    ["nginx.ingress.kubernetes.io/auth-type"] = "basic",
                    ["nginx.ingress.kubernetes.io/auth-secret"] = "basic-auth",
                    ["nginx.ingress.kubernetes.io/auth-realm"] = "KubeRaya conformance",
                },
                ExtraSecrets = new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["basic-auth"] = new Dictionary<string, string> { ["auth"] = HtpasswdLine(BasicAuthUser, basicAuthPassword) },
                },
            },
            AppVariant.RateLimited => spec with
            {
                IngressAnnotations = new Dictionary<string, string>
                {
                    ["nginx.ingress.kubernetes.io/limit-rps"] = RateLimitPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            _ => spec,
        };
    }

    /// <summary>An htpasswd line in the {SHA} form that nginx's auth_basic_user_file reads.</summary>
    public static string HtpasswdLine(string user, string password) =>
        $"{user}:{{SHA}}{Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(password)))}\n";
}
