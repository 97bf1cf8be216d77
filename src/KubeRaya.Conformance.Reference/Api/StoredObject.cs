using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>Reads and writes the <c>metadata</c> of objects held as JSON.</summary>
internal static class StoredObject
{
    /// <summary>The object's <c>metadata</c>, created when missing.</summary>
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata) return metadata;
        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string Name(JsonObject obj) => Text(obj, "metadata", "name") ?? "";

    public static string Namespace(JsonObject obj) => Text(obj, "metadata", "namespace") ?? "";

    public static string? Uid(JsonObject obj) => Text(obj, "metadata", "uid");

    public static string? ResourceVersion(JsonObject obj) => Text(obj, "metadata", "resourceVersion");

    public static ObjectKey Key(JsonObject obj) => new(Namespace(obj), Name(obj));

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) => StringMap(obj["metadata"]?["labels"]);

    /// <summary>The uids named by the object's <c>metadata.ownerReferences</c>.</summary>
    public static IEnumerable<string> OwnerUids(JsonObject obj) =>
        obj["metadata"]?["ownerReferences"] is JsonArray references
            ? references.OfType<JsonObject>().Select(r => Text(r, "uid")).OfType<string>()
            : [];

    /// <summary>The string at a path of property names, or null when absent or not a string.</summary>
    public static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var step in path)
        {
            node = node is JsonObject o ? o[step] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>A scalar at a path as a field selector compares it: strings as they are, numbers and booleans printed, absent as empty.</summary>
    public static string FieldValue(JsonNode? node, IEnumerable<string> path)
    {
        foreach (var step in path)
        {
            node = node is JsonObject o ? o[step] : null;
        }

        if (node is not JsonValue value) return "";
        if (value.TryGetValue<string>(out var text)) return text;
        if (value.TryGetValue<bool>(out var flag)) return flag ? "true" : "false";
        return value.ToJsonString();
    }

    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text)) map[key] = text;
            }
        }

        return map;
    }

    /// <summary>A timestamp as the API server writes it: RFC 3339, UTC, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A KubernetesClient model as JSON, serialized the way the client serializes it.</summary>
    public static JsonObject FromModel(object model) =>
        JsonNode.Parse(k8s.KubernetesJson.Serialize(model))?.AsObject() ?? throw new ArgumentException("The model serialized to null.", nameof(model));
}
