using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Audit;

/// <summary>The kinds the audit reads, keyed by apiVersion and kind, each with its parser.</summary>
internal static class KnownKinds
{
    /// <summary>One kind the audit understands.</summary>
    internal sealed record Kind(string ApiVersion, string Name, Func<string, IKubernetesObject<V1ObjectMeta>> Parse);

    private static readonly Dictionary<(string ApiVersion, string Kind), Kind> ByName = new[]
    {
        Of<V1Ingress>("networking.k8s.io/v1", "Ingress"),
        Of<V1IngressClass>("networking.k8s.io/v1", "IngressClass"),
        Of<V1Service>("v1", "Service"),
        Of<V1Secret>("v1", "Secret"),
        Of<V1ConfigMap>("v1", "ConfigMap"),
        Of<V1Pod>("v1", "Pod"),
        Of<V1Deployment>("apps/v1", "Deployment"),
        Of<V1DaemonSet>("apps/v1", "DaemonSet"),
        Of<V1StatefulSet>("apps/v1", "StatefulSet"),
    }.ToDictionary(k => (k.ApiVersion, k.Name));

    /// <summary>The kind for an apiVersion and kind, or null when the audit does not read it.</summary>
    public static Kind? Find(string? apiVersion, string? kind) =>
        apiVersion is not null && kind is not null && ByName.TryGetValue((apiVersion, kind), out var known) ? known : null;

    /// <summary>
    /// Whether the document is a list: <c>v1/List</c> (items carry their own kind) or <c>&lt;Kind&gt;List</c> of a known
    /// kind (items may omit it). <paramref name="itemKind"/> is the kind items default to, or null for <c>v1/List</c>.
    /// </summary>
    public static bool IsList(string? apiVersion, string? kind, out Kind? itemKind)
    {
        itemKind = null;
        if (apiVersion is null || kind is null) return false;
        if (apiVersion == "v1" && kind == "List") return true;
        if (!kind.EndsWith("List", StringComparison.Ordinal)) return false;
        itemKind = Find(apiVersion, kind[..^"List".Length]);
        return itemKind is not null;
    }

    private static Kind Of<T>(string apiVersion, string name)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new(apiVersion, name, Parse<T>);

    /// <summary>
    /// Reads a document into its typed model: through JSON when it converts and fits the model (any number of
    /// threads at once), else with KubernetesYaml (one thread at a time), which decides every document as before:
    /// its object, or the error reported as the document's problem.
    /// </summary>
    private static T Parse<T>(string text)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            using var json = new MemoryStream(YamlJson.Convert(text), writable: false);
            if (KubernetesJson.Deserialize<T>(json) is { } value) return value;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or FormatException or InvalidOperationException or YamlDotNet.Core.YamlException or OverflowException)
        {
            // Not the common shape: the YAML reader has the last word.
        }
        return KubernetesYaml.Deserialize<T>(text);
    }
}
