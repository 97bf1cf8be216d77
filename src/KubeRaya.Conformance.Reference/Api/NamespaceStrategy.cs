using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Namespaces (cluster-scoped): DNS-1123 label names, the <c>kubernetes</c> finalizer, phase Active, and the
/// <c>kubernetes.io/metadata.name</c> label the server maintains.
/// </summary>
internal sealed class NamespaceStrategy : ResourceStrategy<V1Namespace>
{
    private const string NameLabel = "kubernetes.io/metadata.name";

    /// <summary>A namespace as the server stores it when it is created with only a name.</summary>
    public static JsonObject NewNamespace(string name)
    {
        var ns = new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = name } };
        Initialize(ns);
        return StoredObject.FromModel(ns);
    }

    protected override IReadOnlyList<string> ValidateName(string name) => NameRules.Dns1123Label(name);

    protected override void PrepareForCreate(V1Namespace obj, Admission admission) => Initialize(obj);

    protected override void PrepareForUpdate(V1Namespace obj, V1Namespace old)
    {
        obj.Spec = old.Spec;
        obj.Metadata.Labels ??= new Dictionary<string, string>();
        obj.Metadata.Labels[NameLabel] = obj.Metadata.Name;
    }

    private static void Initialize(V1Namespace obj)
    {
        obj.Spec = new V1NamespaceSpec { Finalizers = ["kubernetes"] };
        obj.Status = new V1NamespaceStatus { Phase = "Active" };
        obj.Metadata.Labels ??= new Dictionary<string, string>();
        obj.Metadata.Labels[NameLabel] = obj.Metadata.Name;
    }
}
