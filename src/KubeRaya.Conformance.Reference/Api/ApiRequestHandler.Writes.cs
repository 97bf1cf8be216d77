using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Http;

namespace KubeRaya.Conformance.Reference.Api;

internal sealed partial class ApiRequestHandler
{
    private const string GeneratedNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private static readonly string[] PatchTypes =
        ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

    private async Task CreateAsync(HttpContext context, ResourceRequest request)
    {
        var kind = request.Kind;
        var body = await ReadObjectAsync(context, kind).ConfigureAwait(false);
        CheckFields(context, kind, body);
        var metadata = StoredObject.Metadata(body);
        ClaimNamespace(body, request);
        if (StoredObject.ResourceVersion(body) is { Length: > 0 })
        {
            throw ApiStatusException.BadRequest("resourceVersion should not be set on objects to be created");
        }

        if (string.IsNullOrEmpty(StoredObject.Name(body)) && StoredObject.Text(body, "metadata", "generateName") is { Length: > 0 } prefix)
        {
            metadata["name"] = prefix[..Math.Min(prefix.Length, 58)] + new string(Random.Shared.GetItems(GeneratedNameAlphabet.AsSpan(), 5));
        }

        var dryRun = DryRun(context.Request);
        var created = _store.Transact(() =>
        {
            if (kind.Namespaced && _store.FindLocked(ResourceCatalog.Namespaces, null, request.Namespace!) is null)
            {
                throw ApiStatusException.NamespaceNotFound(request.Namespace!);
            }

            var admitted = kind.Strategy.AdmitCreate(body, new Admission(_store, kind));
            return _store.InsertLocked(kind, admitted, dryRun);
        });
        await WriteJsonAsync(context, 201, created).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, ResourceRequest request)
    {
        var body = await ReadObjectAsync(context, request.Kind).ConfigureAwait(false);
        CheckFields(context, request.Kind, body);
        ClaimNamespace(body, request);
        ClaimName(body, request);
        var dryRun = DryRun(context.Request);
        var created = false;
        var stored = _store.Transact(() =>
        {
            var admission = new Admission(_store, request.Kind);
            var current = _store.FindLocked(request.Kind, request.Namespace, request.Name!);
            if (current is null && request.Kind.AllowCreateOnUpdate && request.Subresource is null)
            {
                created = true;
                StoredObject.Metadata(body).Remove("resourceVersion");
                return _store.InsertLocked(request.Kind, request.Kind.Strategy.AdmitCreate(body, admission), dryRun);
            }

            return Replace(request, current, body, admission, dryRun);
        });
        await WriteJsonAsync(context, created ? 201 : 200, stored).ConfigureAwait(false);
    }

    private async Task PatchAsync(HttpContext context, ResourceRequest request)
    {
        var contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!PatchTypes.Contains(contentType))
        {
            throw ApiStatusException.UnsupportedMediaType(contentType, PatchTypes);
        }

        var patch = await ReadJsonAsync(context, "the body of the patch").ConfigureAwait(false);
        var dryRun = DryRun(context.Request);
        var stored = _store.Transact(() =>
        {
            var current = _store.FindLocked(request.Kind, request.Namespace, request.Name!)
                ?? throw ApiStatusException.NotFound(request.Kind, request.Name!);
            JsonNode? patched;
            try
            {
                patched = contentType switch
                {
                    "application/json-patch+json" => JsonPatch.Apply(current, patch),
                    "application/merge-patch+json" => MergePatch.Apply(current, patch),
                    _ => StrategicMergePatch.Apply(current, patch),
                };
            }
            catch (Exception failure) when (failure is FormatException or InvalidOperationException)
            {
                throw ApiStatusException.Invalid(request.Kind, request.Name!, [FieldError.Invalid("patch", patch?.ToJsonString(), failure.Message)]);
            }

            if (patched is not JsonObject result) throw ApiStatusException.BadRequest("the patch did not produce an object");
            CheckFields(context, request.Kind, result);
            ClaimName(result, request);
            ClaimNamespace(result, request);
            return Replace(request, current, result, new Admission(_store, request.Kind), dryRun);
        });
        await WriteJsonAsync(context, 200, stored).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext context, ResourceRequest request)
    {
        if (request.Kind == ResourceCatalog.Namespaces && request.Name is "default" or "kube-system" or "kube-public")
        {
            throw ApiStatusException.Forbidden(request.Kind, request.Name, "this namespace may not be deleted");
        }

        var options = await ReadDeleteOptionsAsync(context).ConfigureAwait(false);
        var dryRun = DryRun(context.Request) || options.DryRun?.Contains("All") == true;
        var removed = _store.Transact(() =>
        {
            var current = _store.FindLocked(request.Kind, request.Namespace, request.Name!)
                ?? throw ApiStatusException.NotFound(request.Kind, request.Name!);
            CheckPreconditions(request, current, options.Preconditions?.Uid, options.Preconditions?.ResourceVersion);
            return _store.RemoveLocked(request.Kind, current, Orphans(context.Request, options), dryRun);
        });
        if (request.Kind == ResourceCatalog.Namespaces)
        {
            StoredObject.Metadata(removed)["deletionTimestamp"] = StoredObject.Timestamp(DateTimeOffset.UtcNow);
            removed["status"] = new JsonObject { ["phase"] = "Terminating" };
        }

        await WriteJsonAsync(context, 200, removed).ConfigureAwait(false);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceRequest request)
    {
        var options = await ReadDeleteOptionsAsync(context).ConfigureAwait(false);
        var labels = LabelSelector.Parse(context.Request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(context.Request.Query["fieldSelector"], request.Kind);
        var dryRun = DryRun(context.Request) || options.DryRun?.Contains("All") == true;
        var orphan = Orphans(context.Request, options);
        var removed = _store.Transact(() =>
            _store.EnumerateLocked(request.Kind, request.Namespace)
                .Where(o => labels.Matches(StoredObject.Labels(o)) && fields.Matches(o))
                .ToList()
                .Where(o => _store.FindLocked(request.Kind, StoredObject.Namespace(o), StoredObject.Name(o)) is not null)
                .Select(o => _store.RemoveLocked(request.Kind, o, orphan, dryRun))
                .ToList());
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = request.Kind.ListKind,
            ["apiVersion"] = request.Kind.ApiVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = new JsonArray([.. removed]),
        }).ConfigureAwait(false);
    }

    /// <summary>Admits and stores a replacement (of the object or of its status), after its preconditions. Requires the lock.</summary>
    private JsonObject Replace(ResourceRequest request, JsonObject? current, JsonObject input, Admission admission, bool dryRun)
    {
        if (current is null) throw ApiStatusException.NotFound(request.Kind, request.Name!);
        CheckPreconditions(request, current, StoredObject.Uid(input), StoredObject.ResourceVersion(input));
        var admitted = request.Subresource == "status"
            ? request.Kind.Strategy.AdmitStatusUpdate(input, current, admission)
            : request.Kind.Strategy.AdmitUpdate(input, current, admission);
        return _store.ReplaceLocked(request.Kind, current, admitted, dryRun);
    }

    private static void CheckPreconditions(ResourceRequest request, JsonObject current, string? uid, string? resourceVersion)
    {
        if (!string.IsNullOrEmpty(uid) && uid != StoredObject.Uid(current))
        {
            throw ApiStatusException.Conflict(request.Kind, request.Name!,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {StoredObject.Uid(current)}");
        }

        if (!string.IsNullOrEmpty(resourceVersion) && resourceVersion != StoredObject.ResourceVersion(current))
        {
            throw ApiStatusException.StaleResourceVersion(request.Kind, request.Name!);
        }
    }

    /// <summary>
    /// Field validation as <c>?fieldValidation=</c> asks: Strict refuses unknown fields (400), Warn (the default)
    /// reports them in <c>Warning</c> headers, Ignore drops them silently. They are dropped in every case.
    /// </summary>
    private static void CheckFields(HttpContext context, ResourceKind kind, JsonObject obj)
    {
        var mode = context.Request.Query["fieldValidation"].ToString();
        if (mode is not ("" or "Strict" or "Warn" or "Ignore"))
        {
            throw ApiStatusException.BadRequest($"fieldValidation: Unsupported value: {FieldError.Quote(mode)}: supported values: \"Ignore\", \"Strict\", \"Warn\"");
        }

        if (mode == "Ignore") return;
        var unknown = kind.Strategy.UnknownFields(obj, kind).Select(f => $"unknown field {FieldError.Quote(f)}").ToList();
        if (unknown.Count == 0) return;
        if (mode == "Strict") throw ApiStatusException.BadRequest("strict decoding error: " + string.Join(", ", unknown));
        foreach (var warning in unknown) context.Response.Headers.Append("Warning", $"299 - {FieldError.Quote(warning)}");
    }

    /// <summary>Puts the URL's namespace into the object; 400 when the object names another one.</summary>
    private static void ClaimNamespace(JsonObject body, ResourceRequest request)
    {
        var metadata = StoredObject.Metadata(body);
        if (!request.Kind.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var declared = StoredObject.Namespace(body);
        if (declared.Length > 0 && declared != request.Namespace)
        {
            throw ApiStatusException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = request.Namespace;
    }

    private static void ClaimName(JsonObject body, ResourceRequest request)
    {
        var declared = StoredObject.Name(body);
        if (declared != request.Name)
        {
            throw ApiStatusException.BadRequest($"the name of the object ({declared}) does not match the name on the URL ({request.Name})");
        }
    }

    private static bool Orphans(HttpRequest request, V1DeleteOptions options)
    {
        var policy = request.Query["propagationPolicy"].ToString() is { Length: > 0 } queried ? queried : options.PropagationPolicy;
        if (policy is not (null or "" or "Orphan" or "Background" or "Foreground"))
        {
            throw ApiStatusException.BadRequest($"DeletionPropagation: Unsupported value: {FieldError.Quote(policy)}: supported values: \"Background\", \"Foreground\", \"Orphan\"");
        }

        return policy == "Orphan" || (policy is null or "" && (options.OrphanDependents == true || request.Query["orphanDependents"] == "true"));
    }

    private static async Task<V1DeleteOptions> ReadDeleteOptionsAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0) return new V1DeleteOptions();
        try
        {
            return KubernetesJson.Deserialize<V1DeleteOptions>(JsonNode.Parse(buffer.ToArray())) ?? new V1DeleteOptions();
        }
        catch (JsonException failure)
        {
            throw ApiStatusException.BadRequest($"DeleteOptions cannot be handled: {failure.Message}");
        }
    }

    /// <summary>The request body as an object of the resource's kind; 400 when it is not JSON or names another kind, 415 for other media types.</summary>
    private static async Task<JsonObject> ReadObjectAsync(HttpContext context, ResourceKind kind)
    {
        var contentType = (context.Request.ContentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
        if (contentType != "application/json") throw ApiStatusException.UnsupportedMediaType(contentType, ["application/json"]);
        var body = await ReadJsonAsync(context, "the object").ConfigureAwait(false) as JsonObject
            ?? throw ApiStatusException.BadRequest("couldn't get version/kind; json parse error: the body is not a JSON object");
        var apiVersion = StoredObject.Text(body, "apiVersion");
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != kind.ApiVersion)
        {
            throw ApiStatusException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({kind.ApiVersion})");
        }

        var declaredKind = StoredObject.Text(body, "kind");
        if (!string.IsNullOrEmpty(declaredKind) && declaredKind != kind.Kind)
        {
            throw ApiStatusException.BadRequest($"{kind.Kind} in version \"{kind.Version}\" cannot be handled as a {kind.Kind}: the body is a {declaredKind}");
        }

        return body;
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext context, string what)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException failure)
        {
            throw ApiStatusException.BadRequest($"couldn't get version/kind; json parse error: {what} is not valid JSON: {failure.Message}");
        }
    }
}
