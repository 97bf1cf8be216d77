using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.AspNetCore.Http;

namespace KubeRaya.Conformance.Reference.Api;

internal sealed partial class ApiRequestHandler
{
    /// <summary>
    /// selfsubjectaccessreviews (authorization.k8s.io/v1): a create-only, never stored resource a client asks
    /// "may I do this?". The server has one credential, its bearer token, which may do everything, so every
    /// well-formed review of an authenticated caller is allowed, as a real API server answers a cluster-admin.
    /// </summary>
    internal static ResourceKind SelfSubjectAccessReviews { get; } =
        new("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, typeof(V1SelfSubjectAccessReview));

    private async Task ReviewAccessAsync(HttpContext context)
    {
        var kind = SelfSubjectAccessReviews;
        var body = await ReadObjectAsync(context, kind).ConfigureAwait(false);
        var spec = body["spec"] as JsonObject;
        var resource = spec?["resourceAttributes"] as JsonObject;
        var nonResource = spec?["nonResourceAttributes"] as JsonObject;
        if ((resource is null) == (nonResource is null))
        {
            throw ApiStatusException.Invalid(kind, "", [FieldError.Invalid("spec.resourceAttributes", resource?.ToJsonString(),
                "exactly one of nonResourceAttributes or resourceAttributes must be specified")]);
        }

        body["apiVersion"] = kind.ApiVersion;
        body["kind"] = kind.Kind;
        if (body["metadata"] is not JsonObject) body["metadata"] = new JsonObject();
        body["metadata"]!["creationTimestamp"] = null;
        body["status"] = new JsonObject
        {
            ["allowed"] = true,
            ["reason"] = "the reference API server's bearer token may do everything",
        };
        await WriteJsonAsync(context, 201, body).ConfigureAwait(false);
    }
}
