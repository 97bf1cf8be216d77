using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Serves the Kubernetes REST API over the <see cref="ObjectStore"/>: bearer-token authentication, discovery,
/// and the verbs on resources (get, list, watch, create, update, patch, delete, deletecollection), answering
/// failures with <c>Status</c> objects as a real API server does.
/// </summary>
internal sealed partial class ApiRequestHandler
{
    /// <summary>Strings escaped as Go's encoder escapes them for the common cases (<c>\"</c>, not <c>\u0022</c>).</summary>
    private static readonly JsonSerializerOptions ResponseJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ObjectStore _store;
    private readonly byte[] _token;
    private readonly CancellationToken _stopping;

    public ApiRequestHandler(ObjectStore store, string token, CancellationToken stopping)
    {
        _store = store;
        _token = Encoding.UTF8.GetBytes(token);
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (!Authenticated(context.Request)) throw ApiStatusException.Unauthorized();
            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (ApiStatusException failure) when (!context.Response.HasStarted)
        {
            await WriteJsonAsync(context, failure.Code, failure.ToStatus()).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client went away or the server is stopping; there is no one left to answer.
        }
        catch (Exception failure) when (!context.Response.HasStarted)
        {
            await WriteJsonAsync(context, 500, ApiStatusException.Internal(failure.Message).ToStatus()).ConfigureAwait(false);
        }
    }

    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _token);
    }

    private Task RouteAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isGet = HttpMethods.IsGet(context.Request.Method);
        switch (segments)
        {
            case ["version"] when isGet:
                return WriteJsonAsync(context, 200, DiscoveryDocuments.Version());
            case ["healthz" or "livez" or "readyz"] when isGet:
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("ok", context.RequestAborted);
            case ["api"] when isGet:
                return WriteJsonAsync(context, 200, DiscoveryDocuments.CoreVersions($"{context.Connection.LocalIpAddress}:{context.Connection.LocalPort}"));
            case ["apis"] when isGet:
                return WriteJsonAsync(context, 200, DiscoveryDocuments.GroupList());
            case ["apis", var group] when isGet:
                return WriteJsonAsync(context, 200, DiscoveryDocuments.Group(group) ?? throw ApiStatusException.UnknownPath());
            case ["api", "v1"] when isGet:
                return WriteJsonAsync(context, 200, DiscoveryDocuments.ResourceList("", "v1")!);
            case ["apis", var group, var version] when isGet:
                return WriteJsonAsync(context, 200, DiscoveryDocuments.ResourceList(group, version) ?? throw ApiStatusException.UnknownPath());
            case ["openapi", "v3"] when isGet:
                return WriteJsonAsync(context, 200, OpenApiDocuments.Index());
            case ["openapi", "v3", .. var path] when isGet:
                return WriteJsonAsync(context, 200, OpenApiDocuments.GroupVersion(string.Join('/', path)) ?? throw ApiStatusException.UnknownPath());
            case ["apis", "authorization.k8s.io", "v1", "selfsubjectaccessreviews"] when HttpMethods.IsPost(context.Request.Method):
                return ReviewAccessAsync(context);
            case ["api", "v1", .. var rest]:
                return ServeResourceAsync(context, ResourceRequest.Parse("", "v1", rest));
            case ["apis", var group, var version, .. var rest]:
                return ServeResourceAsync(context, ResourceRequest.Parse(group, version, rest));
            default:
                throw ApiStatusException.UnknownPath();
        }
    }

    private Task ServeResourceAsync(HttpContext context, ResourceRequest? request)
    {
        if (request is null) throw ApiStatusException.UnknownPath();
        var method = context.Request.Method;
        var isObject = request.Name is not null;
        var inNamespaceOrClusterScoped = request.Namespace is not null || !request.Kind.Namespaced;
        if (HttpMethods.IsGet(method)) return isObject ? GetAsync(context, request) : ListAsync(context, request);
        if (HttpMethods.IsPost(method) && !isObject && inNamespaceOrClusterScoped) return CreateAsync(context, request);
        if (HttpMethods.IsPut(method) && isObject) return UpdateAsync(context, request);
        if (HttpMethods.IsPatch(method) && isObject) return PatchAsync(context, request);
        if (HttpMethods.IsDelete(method) && isObject) return DeleteAsync(context, request);
        if (HttpMethods.IsDelete(method) && inNamespaceOrClusterScoped && request.Kind != ResourceCatalog.Namespaces)
        {
            return DeleteCollectionAsync(context, request);
        }

        throw ApiStatusException.MethodNotAllowed();
    }

    private static async Task WriteJsonAsync(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, ResponseJson);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>True when the request asks for a dry run (<c>?dryRun=All</c>); 400 for any other value.</summary>
    private static bool DryRun(HttpRequest request)
    {
        var values = request.Query["dryRun"];
        if (values.Count == 0) return false;
        if (values.All(v => v == "All")) return true;
        throw ApiStatusException.BadRequest($"Invalid dry run value: {FieldError.Quote(values.ToString())}: supported values: \"All\"");
    }
}
