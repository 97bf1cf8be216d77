using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// A failed API operation, carrying the Kubernetes <c>Status</c> the server answers with
/// (<c>kind: Status</c>, <c>status: Failure</c>, message, reason, details, code), shaped as a real
/// API server shapes it, e.g. 404 <c>secrets "web-tls" not found</c>.
/// </summary>
/// <remarks>Thrown by <see cref="ObjectStore"/> too, e.g. when an object is written into a namespace that does not exist.</remarks>
public sealed class ApiStatusException : Exception
{
    private readonly IReadOnlyList<FieldError> _causes;

    private ApiStatusException(int code, string reason, string message, StatusTarget? target = null, IReadOnlyList<FieldError>? causes = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Target = target;
        _causes = causes ?? [];
    }

    /// <summary>The HTTP status code, e.g. 404.</summary>
    public int Code { get; }

    /// <summary>The machine-readable reason, e.g. <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>.</summary>
    public string Reason { get; }

    /// <summary>The object the status is about (its name, group and kind or resource), when there is one.</summary>
    internal StatusTarget? Target { get; }

    /// <summary>The <c>Status</c> object as the server sends it.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Target is not null || _causes.Count > 0)
        {
            var details = new JsonObject();
            if (!string.IsNullOrEmpty(Target?.Name)) details["name"] = Target.Name;
            if (!string.IsNullOrEmpty(Target?.Group)) details["group"] = Target.Group;
            if (!string.IsNullOrEmpty(Target?.Kind)) details["kind"] = Target.Kind;
            if (_causes.Count > 0)
            {
                details["causes"] = new JsonArray(_causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = c.CauseReason,
                    ["message"] = c.Body,
                    ["field"] = c.Field,
                }).ToArray());
            }

            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }

    internal static ApiStatusException NotFound(ResourceKind kind, string name) =>
        new(404, "NotFound", $"{kind.QualifiedResource} \"{name}\" not found", ResourceTarget(kind, name));

    internal static ApiStatusException NamespaceNotFound(string ns) => NotFound(ResourceCatalog.Namespaces, ns);

    /// <summary>A path the server does not serve at all.</summary>
    internal static ApiStatusException UnknownPath() =>
        new(404, "NotFound", "the server could not find the requested resource", new StatusTarget("", "", ""));

    internal static ApiStatusException AlreadyExists(ResourceKind kind, string name) =>
        new(409, "AlreadyExists", $"{kind.QualifiedResource} \"{name}\" already exists", ResourceTarget(kind, name));

    internal static ApiStatusException Conflict(ResourceKind kind, string name, string detail) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {kind.QualifiedResource} \"{name}\": {detail}", ResourceTarget(kind, name));

    internal static ApiStatusException StaleResourceVersion(ResourceKind kind, string name) =>
        Conflict(kind, name, "the object has been modified; please apply your changes to the latest version and try again");

    internal static ApiStatusException Invalid(ResourceKind kind, string name, IReadOnlyList<FieldError> errors)
    {
        var distinct = errors.DistinctBy(e => e.ToString()).ToList();
        var summary = distinct.Count == 1 ? distinct[0].ToString() : "[" + string.Join(", ", distinct) + "]";
        return new(422, "Invalid", $"{kind.QualifiedKind} \"{name}\" is invalid: {summary}",
            new StatusTarget(name, kind.Group, kind.Kind), distinct);
    }

    internal static ApiStatusException Forbidden(ResourceKind kind, string name, string reason) =>
        new(403, "Forbidden", $"{kind.QualifiedResource} \"{name}\" is forbidden: {reason}", ResourceTarget(kind, name));

    internal static ApiStatusException BadRequest(string message) => new(400, "BadRequest", message);

    internal static ApiStatusException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    internal static ApiStatusException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new StatusTarget("", "", ""));

    internal static ApiStatusException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}",
            new StatusTarget("", "", ""));

    internal static ApiStatusException Gone(string message) => new(410, "Expired", message);

    internal static ApiStatusException Internal(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}", new StatusTarget("", "", ""));

    private static StatusTarget ResourceTarget(ResourceKind kind, string name) => new(name, kind.Group, kind.Plural);
}
