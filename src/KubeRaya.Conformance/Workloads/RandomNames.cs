using Bogus;

namespace KubeRaya.Conformance.Workloads;

/// <summary>Random, DNS-safe names per run, so that runs never collide and nothing depends on a fixed name.</summary>
public sealed class RandomNames
{
    /// <summary>The parent domain of every host the harness invents (.test is reserved for testing, RFC 2606).</summary>
    public const string ParentDomain = "kuberaya.test";

    private readonly Faker _faker = new();
    private readonly object _gate = new();

    /// <summary>A namespace name such as <c>kr-maple-3f9a</c>.</summary>
    public string Namespace(string purpose) => Label("kr-" + Clean(purpose));

    /// <summary>An object name such as <c>echo-3f9a</c>.</summary>
    public string Object(string purpose) => Label(Clean(purpose));

    /// <summary>A public host such as <c>maple-3f9a.kuberaya.test</c>.</summary>
    public string Host()
    {
        lock (_gate) return Label(Clean(_faker.Internet.DomainWord())) + "." + ParentDomain;
    }

    private string Label(string stem)
    {
        string suffix;
        lock (_gate) suffix = _faker.Random.Hexadecimal(4, prefix: "");
        var trimmed = stem.Length > 40 ? stem[..40] : stem;
        return $"{trimmed.Trim('-')}-{suffix.ToLowerInvariant()}";
    }

    private static string Clean(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var cleaned = new string(chars).Trim('-');
        return cleaned.Length == 0 ? "app" : cleaned;
    }
}
