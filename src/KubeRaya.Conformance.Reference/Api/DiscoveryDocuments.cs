using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// The discovery documents kubectl and client libraries read before anything else: <c>/version</c>,
/// <c>/api</c> (APIVersions), <c>/apis</c> (APIGroupList), <c>/apis/{group}</c> (APIGroup) and one
/// APIResourceList per group version, with each resource's verbs, scope, kind, short names and categories.
/// Besides the stored resources, it lists the create-only selfsubjectaccessreviews (authorization.k8s.io/v1).
/// </summary>
internal static class DiscoveryDocuments
{
    /// <summary>The version reported: Kubernetes 1.32, marked as the reference platform.</summary>
    public const string GitVersion = "v1.32.0+kuberaya-reference";

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = GitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "none (KubeRaya.Conformance reference API server, .NET)",
        ["compiler"] = "dotnet",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups().Select(g => (JsonNode)Group(g)!)]),
    };

    /// <summary>The APIGroup document of a named group, or null when the group is not served.</summary>
    public static JsonObject? Group(string name)
    {
        var versions = Served().Where(k => k.Group == name && name.Length > 0).Select(k => k.Version).Distinct().ToList();
        if (versions.Count == 0) return null;
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = name,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)GroupVersion(name, v))]),
            ["preferredVersion"] = GroupVersion(name, versions[0]),
        };
    }

    /// <summary>The APIResourceList of a group version, or null when it is not served.</summary>
    public static JsonObject? ResourceList(string group, string version)
    {
        var kinds = Served().Where(k => k.Group == group && k.Version == version).ToList();
        if (kinds.Count == 0) return null;
        var resources = new JsonArray();
        foreach (var kind in kinds.Where(k => CreateOnly.Contains(k)))
        {
            resources.Add(new JsonObject
            {
                ["name"] = kind.Plural,
                ["singularName"] = kind.Singular,
                ["namespaced"] = kind.Namespaced,
                ["kind"] = kind.Kind,
                ["verbs"] = new JsonArray("create"),
            });
        }

        foreach (var kind in kinds.Where(k => !CreateOnly.Contains(k)))
        {
            var verbs = new List<string> { "create", "delete" };
            if (kind != ResourceCatalog.Namespaces) verbs.Add("deletecollection");
            verbs.AddRange(["get", "list", "patch", "update", "watch"]);
            var resource = new JsonObject
            {
                ["name"] = kind.Plural,
                ["singularName"] = kind.Singular,
                ["namespaced"] = kind.Namespaced,
                ["kind"] = kind.Kind,
                ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
            };
            if (kind.ShortNames.Count > 0) resource["shortNames"] = new JsonArray([.. kind.ShortNames.Select(s => (JsonNode)s)]);
            if (kind.Categories.Count > 0) resource["categories"] = new JsonArray([.. kind.Categories.Select(c => (JsonNode)c)]);
            resources.Add(resource);
            if (kind.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = kind.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = kind.Namespaced,
                    ["kind"] = kind.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>Resources that are only ever created and answered, never stored (access reviews).</summary>
    private static readonly ResourceKind[] CreateOnly = [ApiRequestHandler.SelfSubjectAccessReviews];

    private static IEnumerable<ResourceKind> Served() => ResourceCatalog.All.Concat(CreateOnly);

    private static IEnumerable<string> Groups() => Served().Select(k => k.Group).Where(g => g.Length > 0).Distinct();

    private static JsonObject GroupVersion(string group, string version) => new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
}
