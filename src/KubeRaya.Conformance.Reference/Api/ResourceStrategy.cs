using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// The rules a real API server applies when an object of one kind is written through the REST API: decoding
/// (unknown fields are dropped, wrongly typed ones rejected), defaulting, resetting what clients may not set,
/// validation (422 with field causes), and allocation (Service addresses and ports).
/// </summary>
internal abstract class ResourceStrategy
{
    /// <summary>Admits a new object; returns it as it is to be stored.</summary>
    public abstract JsonObject AdmitCreate(JsonObject input, Admission admission);

    /// <summary>Admits a replacement of the main resource (its status, if it has a status subresource, is kept).</summary>
    public abstract JsonObject AdmitUpdate(JsonObject input, JsonObject current, Admission admission);

    /// <summary>Admits a write to the <c>/status</c> subresource: only the status of the input is taken.</summary>
    public abstract JsonObject AdmitStatusUpdate(JsonObject input, JsonObject current, Admission admission);

    /// <summary>The paths of the fields in <paramref name="input"/> that the kind does not have, e.g. <c>spec.rules[0].http.paths[0].pathtype</c>.</summary>
    public abstract IReadOnlyList<string> UnknownFields(JsonObject input, ResourceKind kind);
}

/// <summary>The strategy for objects that decode to the KubernetesClient model <typeparamref name="T"/>.</summary>
internal class ResourceStrategy<T> : ResourceStrategy where T : class, IKubernetesObject<V1ObjectMeta>
{
    private const int AnnotationsSizeLimit = 256 * 1024;

    public sealed override JsonObject AdmitCreate(JsonObject input, Admission admission)
    {
        var obj = Decode(input, admission.Kind);
        obj.Metadata ??= new V1ObjectMeta();
        PrepareForCreate(obj, admission);
        return Admit(obj, null, admission, errors => Validate(obj, errors));
    }

    public sealed override JsonObject AdmitUpdate(JsonObject input, JsonObject current, Admission admission)
    {
        var working = (JsonObject)input.DeepClone();
        if (admission.Kind.HasStatus) working["status"] = current["status"]?.DeepClone();
        var obj = Decode(working, admission.Kind);
        var old = Decode(current, admission.Kind);
        obj.Metadata ??= new V1ObjectMeta();
        PrepareForUpdate(obj, old);
        return Admit(obj, old, admission, errors =>
        {
            Validate(obj, errors);
            ValidateUpdate(obj, old, errors);
        });
    }

    public sealed override JsonObject AdmitStatusUpdate(JsonObject input, JsonObject current, Admission admission)
    {
        var working = (JsonObject)current.DeepClone();
        working["status"] = input["status"]?.DeepClone();
        var obj = Decode(working, admission.Kind);
        var errors = new List<FieldError>();
        ValidateStatus(obj, errors);
        ThrowIfInvalid(admission.Kind, obj, errors);
        return Encode(obj, admission.Kind);
    }

    public sealed override IReadOnlyList<string> UnknownFields(JsonObject input, ResourceKind kind)
    {
        var unknown = new List<string>();
        CollectUnknown(input, StoredObject.FromModel(Decode(input, kind)), "", unknown);
        return unknown;
    }

    /// <summary>The messages for an invalid <c>metadata.name</c>; DNS-1123 subdomain unless overridden.</summary>
    protected virtual IReadOnlyList<string> ValidateName(string name) => NameRules.Dns1123Subdomain(name);

    /// <summary>Defaults and resets (e.g. status) for a new object.</summary>
    protected virtual void PrepareForCreate(T obj, Admission admission)
    {
    }

    /// <summary>Defaults and carried-over fields for a replacement.</summary>
    protected virtual void PrepareForUpdate(T obj, T old)
    {
    }

    protected virtual void Validate(T obj, List<FieldError> errors)
    {
    }

    protected virtual void ValidateUpdate(T obj, T old, List<FieldError> errors)
    {
    }

    protected virtual void ValidateStatus(T obj, List<FieldError> errors)
    {
    }

    /// <summary>Allocates what the server assigns (addresses, ports), after validation passed.</summary>
    protected virtual void Allocate(T obj, T? old, Admission admission, List<FieldError> errors)
    {
    }

    /// <summary>Decodes JSON into the model as the server decodes a request body; 400 when a field has the wrong type.</summary>
    protected static T Decode(JsonObject input, ResourceKind kind)
    {
        try
        {
            return KubernetesJson.Deserialize<T>(input) ?? throw new JsonException("the object is null");
        }
        catch (Exception failure) when (failure is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            throw ApiStatusException.BadRequest($"{kind.Kind} in version \"{kind.Version}\" cannot be handled as a {kind.Kind}: {failure.Message}");
        }
    }

    /// <summary>Validates the labels of a selector or template, as the server does for <c>metadata.labels</c>.</summary>
    protected static void ValidateLabels(IDictionary<string, string>? labels, string field, List<FieldError> errors)
    {
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            errors.AddRange(NameRules.QualifiedName(key).Select(m => FieldError.Invalid(field, key, m)));
            errors.AddRange(NameRules.LabelValue(value ?? "").Select(m => FieldError.Invalid(field, value, m)));
        }
    }

    private void ValidateMetadata(V1ObjectMeta metadata, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(metadata.Name))
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        }
        else
        {
            errors.AddRange(ValidateName(metadata.Name).Select(m => FieldError.Invalid("metadata.name", metadata.Name, m)));
        }

        ValidateLabels(metadata.Labels, "metadata.labels", errors);
        var annotationBytes = 0L;
        foreach (var (key, value) in metadata.Annotations ?? new Dictionary<string, string>())
        {
            errors.AddRange(NameRules.QualifiedName(key.ToLowerInvariant()).Select(m => FieldError.Invalid("metadata.annotations", key, m)));
            annotationBytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value ?? "");
        }

        if (annotationBytes > AnnotationsSizeLimit) errors.Add(FieldError.TooLong("metadata.annotations", AnnotationsSizeLimit));
        var references = metadata.OwnerReferences ?? [];
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            var path = "metadata.ownerReferences";
            if (string.IsNullOrEmpty(reference.ApiVersion)) errors.Add(FieldError.Invalid($"{path}.apiVersion", reference.ApiVersion ?? "", "version must not be empty"));
            if (string.IsNullOrEmpty(reference.Kind)) errors.Add(FieldError.Invalid($"{path}.kind", reference.Kind ?? "", "kind must not be empty"));
            if (string.IsNullOrEmpty(reference.Name)) errors.Add(FieldError.Invalid($"{path}.name", reference.Name ?? "", "name must not be empty"));
            if (string.IsNullOrEmpty(reference.Uid)) errors.Add(FieldError.Invalid($"{path}.uid", reference.Uid ?? "", "uid must not be empty"));
        }
    }

    /// <summary>Walks the input beside its decoded-and-encoded form: what decoding dropped is what the kind does not have.</summary>
    private static void CollectUnknown(JsonNode? given, JsonNode? kept, string path, List<string> unknown)
    {
        switch (given)
        {
            case JsonObject members:
                foreach (var (key, value) in members)
                {
                    var at = path.Length == 0 ? key : $"{path}.{key}";
                    if (value is null) continue;
                    if (kept is JsonObject keptMembers && keptMembers.TryGetPropertyValue(key, out var keptValue)) CollectUnknown(value, keptValue, at, unknown);
                    else unknown.Add(at);
                }

                break;
            case JsonArray items:
                var keptItems = kept as JsonArray;
                for (var i = 0; i < items.Count; i++)
                {
                    CollectUnknown(items[i], keptItems is not null && i < keptItems.Count ? keptItems[i] : null, $"{path}[{i}]", unknown);
                }

                break;
        }
    }

    /// <summary>Validates metadata and then the kind's rules, allocates, and encodes; 422 at the first stage with errors.</summary>
    private JsonObject Admit(T obj, T? old, Admission admission, Action<List<FieldError>> validate)
    {
        var errors = new List<FieldError>();
        ValidateMetadata(obj.Metadata, errors);
        validate(errors);
        ThrowIfInvalid(admission.Kind, obj, errors);
        Allocate(obj, old, admission, errors);
        ThrowIfInvalid(admission.Kind, obj, errors);
        return Encode(obj, admission.Kind);
    }

    private static void ThrowIfInvalid(ResourceKind kind, T obj, List<FieldError> errors)
    {
        if (errors.Count > 0) throw ApiStatusException.Invalid(kind, obj.Metadata?.Name ?? "", errors);
    }

    private static JsonObject Encode(T obj, ResourceKind kind)
    {
        obj.ApiVersion = kind.ApiVersion;
        obj.Kind = kind.Kind;
        return StoredObject.FromModel(obj);
    }
}
