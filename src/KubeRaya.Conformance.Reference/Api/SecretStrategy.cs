using System.Text;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Secrets: <c>stringData</c> merged into <c>data</c> (and never stored), type defaulted to Opaque and immutable,
/// keys that are valid config keys, at most 1 MiB, the keys each well-known type requires (kubernetes.io/tls:
/// tls.crt and tls.key), and no data change once <c>immutable</c> is set. Like a real server, it does not parse
/// the certificate or key.
/// </summary>
internal sealed class SecretStrategy : ResourceStrategy<V1Secret>
{
    private const int MaxSize = 1024 * 1024;

    protected override void PrepareForCreate(V1Secret obj, Admission admission) => MergeStringData(obj);

    protected override void PrepareForUpdate(V1Secret obj, V1Secret old) => MergeStringData(obj);

    protected override void Validate(V1Secret obj, List<FieldError> errors)
    {
        var data = obj.Data ?? new Dictionary<string, byte[]>();
        var size = 0L;
        foreach (var (key, value) in data)
        {
            errors.AddRange(NameRules.ConfigKey(key).Select(m => FieldError.Invalid($"data[{key}]", key, m)));
            size += value?.Length ?? 0;
        }

        if (size > MaxSize) errors.Add(FieldError.TooLong("data", MaxSize));
        switch (obj.Type)
        {
            case "kubernetes.io/tls":
                RequireKey(data, "tls.crt", errors);
                RequireKey(data, "tls.key", errors);
                break;
            case "kubernetes.io/ssh-auth":
                RequireNonEmpty(data, "ssh-privatekey", errors);
                break;
            case "kubernetes.io/basic-auth":
                if (Length(data, "username") == 0 && Length(data, "password") == 0)
                {
                    errors.Add(FieldError.Required("data[username]"));
                    errors.Add(FieldError.Required("data[password]"));
                }

                break;
            case "kubernetes.io/dockerconfigjson":
                RequireNonEmpty(data, ".dockerconfigjson", errors);
                break;
        }
    }

    protected override void ValidateUpdate(V1Secret obj, V1Secret old, List<FieldError> errors)
    {
        if (obj.Type != old.Type) errors.Add(FieldError.Invalid("type", obj.Type, "field is immutable"));
        if (old.Immutable != true) return;
        if (obj.Immutable != true) errors.Add(FieldError.Forbidden("immutable", "field is immutable when `immutable` is set"));
        if (!SameData(obj.Data, old.Data)) errors.Add(FieldError.Forbidden("data", "field is immutable when `immutable` is set"));
    }

    private static void MergeStringData(V1Secret obj)
    {
        if (string.IsNullOrEmpty(obj.Type)) obj.Type = "Opaque";
        if (obj.StringData is not { Count: > 0 }) return;
        obj.Data ??= new Dictionary<string, byte[]>();
        foreach (var (key, value) in obj.StringData) obj.Data[key] = Encoding.UTF8.GetBytes(value ?? "");
        obj.StringData = null;
    }

    private static void RequireKey(IDictionary<string, byte[]> data, string key, List<FieldError> errors)
    {
        if (!data.ContainsKey(key)) errors.Add(FieldError.Required($"data[{key}]"));
    }

    private static void RequireNonEmpty(IDictionary<string, byte[]> data, string key, List<FieldError> errors)
    {
        if (Length(data, key) == 0) errors.Add(FieldError.Required($"data[{key}]"));
    }

    private static int Length(IDictionary<string, byte[]> data, string key) => data.TryGetValue(key, out var value) ? value?.Length ?? 0 : 0;

    private static bool SameData(IDictionary<string, byte[]>? a, IDictionary<string, byte[]>? b)
    {
        a ??= new Dictionary<string, byte[]>();
        b ??= new Dictionary<string, byte[]>();
        return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && (p.Value ?? []).AsSpan().SequenceEqual(other ?? []));
    }
}
