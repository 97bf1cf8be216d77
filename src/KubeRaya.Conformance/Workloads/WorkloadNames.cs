using KubeRaya.Conformance.Probes;

namespace KubeRaya.Conformance.Workloads;

/// <summary>Random, DNS-safe names for what a run deploys, so runs never collide and nothing depends on a fixed name.</summary>
public sealed class WorkloadNames
{
    /// <summary>The parent domain of every host the harness invents (.test is reserved for testing, RFC 2606).</summary>
    public const string ParentDomain = "kuberaya.test";

    /// <summary>A namespace name such as <c>kr-standard-lorem-x1y2z3</c>.</summary>
    public string Namespace(string purpose) => $"kr-{Clean(purpose)}-{Suffix()}";

    /// <summary>An object name such as <c>echo-x1y2z3</c>.</summary>
    public string Object(string purpose) => $"{Clean(purpose)}-{Suffix()}";

    /// <summary>A public host such as <c>kr-lorem-x1y2z3.kuberaya.test</c>.</summary>
    public string Host() => $"{RandomNames.Label()}.{ParentDomain}";

    private static string Suffix() => RandomNames.Label()[^6..];

    private static string Clean(string text)
    {
        var cleaned = new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return cleaned.Length == 0 ? "app" : cleaned[..Math.Min(cleaned.Length, 30)];
    }
}
