using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>ConfigMaps: keys that are valid config keys and unique across data and binaryData, at most 1 MiB, frozen once <c>immutable</c>.</summary>
internal sealed class ConfigMapStrategy : ResourceStrategy<V1ConfigMap>
{
    private const int MaxSize = 1024 * 1024;

    protected override void Validate(V1ConfigMap obj, List<FieldError> errors)
    {
        var size = 0L;
        foreach (var (key, value) in obj.Data ?? new Dictionary<string, string>())
        {
            errors.AddRange(NameRules.ConfigKey(key).Select(m => FieldError.Invalid($"data[{key}]", key, m)));
            size += key.Length + (value?.Length ?? 0);
        }

        foreach (var (key, value) in obj.BinaryData ?? new Dictionary<string, byte[]>())
        {
            errors.AddRange(NameRules.ConfigKey(key).Select(m => FieldError.Invalid($"binaryData[{key}]", key, m)));
            if (obj.Data?.ContainsKey(key) == true) errors.Add(FieldError.Invalid($"binaryData[{key}]", key, "duplicate of key present in data"));
            size += key.Length + (value?.Length ?? 0);
        }

        if (size > MaxSize) errors.Add(FieldError.TooLong("[]", MaxSize));
    }

    protected override void ValidateUpdate(V1ConfigMap obj, V1ConfigMap old, List<FieldError> errors)
    {
        if (old.Immutable != true) return;
        if (obj.Immutable != true) errors.Add(FieldError.Forbidden("immutable", "field is immutable when `immutable` is set"));
        var sameData = System.Text.Json.Nodes.JsonNode.DeepEquals(
            StoredObject.FromModel(new V1ConfigMap { Data = obj.Data, BinaryData = obj.BinaryData }),
            StoredObject.FromModel(new V1ConfigMap { Data = old.Data, BinaryData = old.BinaryData }));
        if (!sameData) errors.Add(FieldError.Forbidden("data", "field is immutable when `immutable` is set"));
    }
}
