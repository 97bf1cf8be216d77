namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Random host names that no Ingress routes: a random label beside a routed host
/// (kr-&lt;random&gt;.example.test for app.example.test) or a name under the reserved .invalid TLD. Thread-safe.
/// </summary>
public static class RandomHostNames
{
    /// <summary>The domain a host sits in: "example.test" for "app.example.test" (and for "*.example.test");
    /// a single-label host is its own parent.</summary>
    public static string ParentOf(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var name = host.TrimEnd('.');
        if (name.StartsWith("*.", StringComparison.Ordinal)) return name[2..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[(dot + 1)..];
    }

    /// <summary>A random name beside <paramref name="host"/>, e.g. "kr-dolor-x7k2qa.example.test".</summary>
    public static string SiblingOf(string host) => $"{RandomNames.Label()}.{ParentOf(host)}";

    /// <summary>A random name under .invalid (RFC 2606), e.g. "kr-dolor-x7k2qa.invalid".</summary>
    public static string UnderInvalid() => $"{RandomNames.Label()}.invalid";
}
