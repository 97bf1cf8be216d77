using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>): objects merge, null deletes, anything else replaces.</summary>
internal static class MergePatch
{
    /// <summary>The result of applying <paramref name="patch"/> to <paramref name="target"/>; neither is modified.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null) result.Remove(key);
            else result[key] = Apply(result[key], value);
        }

        return result;
    }
}
