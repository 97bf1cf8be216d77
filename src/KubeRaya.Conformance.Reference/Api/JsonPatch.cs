using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>JSON patch (RFC 6902, <c>application/json-patch+json</c>): add, remove, replace, move, copy and test operations on JSON pointers.</summary>
internal static class JsonPatch
{
    /// <summary>The result of applying the operations in order; <see cref="FormatException"/> when one cannot be applied.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonArray operations) throw new FormatException("a JSON patch must be an array of operations");
        var root = new JsonObject { ["doc"] = target?.DeepClone() };
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op) throw new FormatException("each JSON patch operation must be an object");
            var kind = StoredObject.Text(op, "op") ?? throw new FormatException("operation has no \"op\"");
            var path = StoredObject.Text(op, "path") ?? throw new FormatException($"operation {kind} has no \"path\"");
            switch (kind)
            {
                case "add":
                    Add(root, path, Value(op));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, Value(op));
                    break;
                case "move":
                    var moved = Remove(root, From(op));
                    Add(root, path, moved);
                    break;
                case "copy":
                    Add(root, path, Get(root, From(op))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"])) throw new FormatException($"testing value {path} failed");
                    break;
                default:
                    throw new FormatException($"Unexpected kind: {kind}");
            }
        }

        return root["doc"];
    }

    private static JsonNode? Value(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw new FormatException("operation has no \"value\"");

    private static string From(JsonObject op) => StoredObject.Text(op, "from") ?? throw new FormatException("operation has no \"from\"");

    private static (JsonNode Parent, string Token) Locate(JsonObject root, string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/') throw new FormatException($"invalid JSON pointer: {pointer}");
        var tokens = pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode parent = root;
        var token = "doc";
        foreach (var next in tokens)
        {
            parent = Child(parent, token) ?? throw new FormatException($"path {pointer} does not exist");
            token = next;
        }

        return (parent, token);
    }

    private static JsonNode? Child(JsonNode parent, string token) => parent switch
    {
        JsonObject o => o[token],
        JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
        _ => null,
    };

    private static JsonNode? Get(JsonObject root, string pointer)
    {
        var (parent, token) = Locate(root, pointer);
        if (parent is JsonObject o && !o.ContainsKey(token)) throw new FormatException($"path {pointer} does not exist");
        return Child(parent, token);
    }

    private static void Add(JsonObject root, string pointer, JsonNode? value)
    {
        var (parent, token) = Locate(root, pointer);
        switch (parent)
        {
            case JsonObject o:
                o[token] = value;
                break;
            case JsonArray a when token == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new FormatException($"cannot add at {pointer}");
        }
    }

    private static JsonNode? Remove(JsonObject root, string pointer)
    {
        var (parent, token) = Locate(root, pointer);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(token):
                var removed = o[token];
                o.Remove(token);
                return removed;
            case JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                var element = a[i];
                a.RemoveAt(i);
                return element;
            default:
                throw new FormatException($"path {pointer} does not exist");
        }
    }
}
