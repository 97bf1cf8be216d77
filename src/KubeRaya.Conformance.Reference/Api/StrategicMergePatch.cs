using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) for the built-in kinds served here:
/// a merge patch in which lists with a merge key (containers and volumes by name, container ports by
/// containerPort, Service ports by port, ownerReferences by uid, conditions by type, ...) merge element by
/// element, other lists are replaced, and the directives <c>$patch</c> (replace, delete), <c>$retainKeys</c>
/// and <c>$deleteFromPrimitiveList</c> apply; <c>$setElementOrder</c> is accepted and ignored.
/// </summary>
internal static class StrategicMergePatch
{
    private const string Directive = "$patch";

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) =>
        patch is JsonObject patchObject ? MergeObject(target as JsonObject, patchObject) : patch?.DeepClone();

    private static JsonObject? MergeObject(JsonObject? target, JsonObject patch)
    {
        switch (StoredObject.Text(patch, Directive))
        {
            case "delete":
                return null;
            case "replace":
                return (JsonObject)StripDirectives(patch)!;
        }

        var result = (JsonObject?)target?.DeepClone() ?? [];
        if (patch["$retainKeys"] is JsonArray retained)
        {
            var keep = retained.Select(k => k?.GetValue<string>()).ToHashSet();
            foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList()) result.Remove(key);
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (result[field] is JsonArray list && value is JsonArray doomed)
                {
                    foreach (var element in list.Where(e => doomed.Any(d => JsonNode.DeepEquals(d, e))).ToList()) list.Remove(element);
                }
            }
            else if (key.StartsWith('$'))
            {
                continue;
            }
            else if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonObject child)
            {
                var merged = MergeObject(result[key] as JsonObject, child);
                if (merged is null) result.Remove(key);
                else result[key] = merged;
            }
            else if (value is JsonArray items)
            {
                result[key] = MergeList(key, result[key] as JsonArray, items);
            }
            else
            {
                result[key] = value.DeepClone();
            }
        }

        return result;
    }

    private static JsonArray MergeList(string field, JsonArray? target, JsonArray patch)
    {
        var elements = patch.Where(e => e is not JsonObject o || StoredObject.Text(o, Directive) is not "replace").ToList();
        if (elements.Count != patch.Count || MergeKey(field, patch, target) is not { } mergeKey)
        {
            var replaced = new JsonArray([.. elements.Select(StripDirectives)]);
            if (field == "finalizers" && elements.Count == patch.Count && target is not null)
            {
                foreach (var existing in target.Where(t => !replaced.Any(r => JsonNode.DeepEquals(r, t)))) replaced.Insert(0, existing?.DeepClone());
            }

            return replaced;
        }

        var result = (JsonArray?)target?.DeepClone() ?? [];
        foreach (var element in elements.OfType<JsonObject>())
        {
            var index = result.ToList().FindIndex(r => r is JsonObject o && JsonNode.DeepEquals(o[mergeKey], element[mergeKey]));
            if (StoredObject.Text(element, Directive) == "delete")
            {
                if (index >= 0) result.RemoveAt(index);
            }
            else if (index >= 0)
            {
                result[index] = MergeObject(result[index] as JsonObject, element);
            }
            else
            {
                result.Add(StripDirectives(element));
            }
        }

        return result;
    }

    private static string? MergeKey(string field, JsonArray patch, JsonArray? target)
    {
        var sample = patch.OfType<JsonObject>().Concat(target?.OfType<JsonObject>() ?? []).FirstOrDefault();
        if (sample is null) return null;
        return field switch
        {
            "containers" or "initContainers" or "ephemeralContainers" or "volumes" or "env" or "imagePullSecrets" => "name",
            "volumeMounts" => "mountPath",
            "volumeDevices" => "devicePath",
            "ownerReferences" => "uid",
            "conditions" => "type",
            "hostAliases" => "ip",
            "topologySpreadConstraints" => "topologyKey",
            "ports" => sample.ContainsKey("containerPort") ? "containerPort" : "port",
            _ => null,
        };
    }

    private static JsonNode? StripDirectives(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => !p.Key.StartsWith('$')).Select(p => KeyValuePair.Create(p.Key, StripDirectives(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(StripDirectives)]),
        _ => node?.DeepClone(),
    };
}
