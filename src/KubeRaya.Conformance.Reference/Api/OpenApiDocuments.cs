using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// A minimal OpenAPI v3 description (<c>/openapi/v3</c> and one document per group version): for each resource,
/// the PATCH operation of an object with its <c>x-kubernetes-group-version-kind</c> and the query parameters
/// <c>fieldValidation</c>, <c>fieldManager</c> and <c>dryRun</c>. That is what kubectl reads to learn that the
/// server validates fields itself (so <c>kubectl create -f</c> works); there are no schemas.
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject Index() => new()
    {
        ["paths"] = new JsonObject(GroupVersions().Select(gv => KeyValuePair.Create(gv.Path, (JsonNode?)new JsonObject
        {
            ["serverRelativeURL"] = $"/openapi/v3/{gv.Path}?hash={DiscoveryDocuments.GitVersion.GetHashCode(StringComparison.Ordinal):x8}",
        }))),
    };

    /// <summary>The document of <c>api/v1</c> or <c>apis/{group}/{version}</c>, or null when not served.</summary>
    public static JsonObject? GroupVersion(string path)
    {
        var gv = GroupVersions().FirstOrDefault(g => g.Path == path);
        if (gv.Path is null) return null;
        var paths = new JsonObject();
        foreach (var kind in ResourceCatalog.All.Where(k => k.Group == gv.Group && k.Version == gv.Version))
        {
            var collection = kind.Namespaced ? $"/{gv.Path}/namespaces/{{namespace}}/{kind.Plural}" : $"/{gv.Path}/{kind.Plural}";
            paths[$"{collection}/{{name}}"] = new JsonObject { ["patch"] = PatchOperation(kind) };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes (KubeRaya.Conformance reference API server)", ["version"] = DiscoveryDocuments.GitVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject PatchOperation(ResourceKind kind) => new()
    {
        ["operationId"] = $"patch{kind.Kind}",
        ["parameters"] = new JsonArray(
            QueryParameter("dryRun"),
            QueryParameter("fieldManager"),
            QueryParameter("fieldValidation")),
        ["requestBody"] = new JsonObject
        {
            ["content"] = new JsonObject
            {
                ["application/json-patch+json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } },
                ["application/merge-patch+json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } },
            },
            ["required"] = true,
        },
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
        ["x-kubernetes-action"] = "patch",
        ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = kind.Group, ["kind"] = kind.Kind, ["version"] = kind.Version },
    };

    private static JsonObject QueryParameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static IEnumerable<(string Path, string Group, string Version)> GroupVersions() =>
        ResourceCatalog.All
            .Select(k => (Path: k.Group.Length == 0 ? $"api/{k.Version}" : $"apis/{k.Group}/{k.Version}", k.Group, k.Version))
            .Distinct();
}
