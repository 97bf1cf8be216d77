using System.Text.Json;

namespace KubeRaya.Conformance.Evidence;

/// <summary>
/// What the sample echo backend reported about the request that reached it. The echo backend answers every
/// request with one JSON object of this shape (camelCase; header names lower-case; unknown properties ignored):
/// <code>
/// { "kuberayaEcho": 1, "pod": "echo-7f9c", "scheme": "http", "tls": false, "host": "a.example.test",
///   "method": "GET", "path": "/x?y=1", "headers": { "x-forwarded-proto": ["https"] } }
/// </code>
/// The property <c>"kuberayaEcho"</c> is the marker by which any response of the application is recognised,
/// even a truncated one.
/// </summary>
public sealed record EchoEvidence
{
    /// <summary>The JSON property that marks a body as the echo backend's.</summary>
    public const string MarkerProperty = "kuberayaEcho";

    /// <summary>The marker as it appears in a body: the quoted property name.</summary>
    public const string Marker = "\"" + MarkerProperty + "\"";

    /// <summary>The scheme of the connection the backend accepted: "http" or "https".</summary>
    public required string Scheme { get; init; }
    /// <summary>Whether the backend's own connection was TLS.</summary>
    public required bool Tls { get; init; }
    /// <summary>The pod (process) that answered.</summary>
    public string? Pod { get; init; }
    /// <summary>The Host header the backend received.</summary>
    public string? Host { get; init; }
    /// <summary>The request method the backend received.</summary>
    public string? Method { get; init; }
    /// <summary>The path and query the backend received.</summary>
    public string? Path { get; init; }
    /// <summary>The request headers the backend received (names lower-case).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Every X-Forwarded-Proto value the backend received.</summary>
    public IReadOnlyList<string> ForwardedProto => Headers.TryGetValue("x-forwarded-proto", out var values) ? values : [];

    /// <summary>Whether a body carries the echo backend's marker (the body need not be complete JSON).</summary>
    public static bool IsEchoBody(string? body) => body is not null && body.Contains(Marker, StringComparison.Ordinal);

    /// <summary>Reads an echo body; null when the body is not a complete echo JSON object.</summary>
    public static EchoEvidence? TryParse(string? body)
    {
        if (!IsEchoBody(body))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body!);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(MarkerProperty, out _)
                || String(root, "scheme") is not string scheme
                || !root.TryGetProperty("tls", out var tls) || tls.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return null;
            }
            return new EchoEvidence
            {
                Scheme = scheme,
                Tls = tls.GetBoolean(),
                Pod = String(root, "pod"),
                Host = String(root, "host"),
                Method = String(root, "method"),
                Path = String(root, "path"),
                Headers = ReadHeaders(root),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, IReadOnlyList<string>> ReadHeaders(JsonElement root)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("headers", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return headers;
        }
        foreach (var header in element.EnumerateObject())
        {
            IReadOnlyList<string> values = header.Value.ValueKind switch
            {
                JsonValueKind.String => [header.Value.GetString()!],
                JsonValueKind.Array => header.Value.EnumerateArray()
                    .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList(),
                _ => [],
            };
            headers[header.Name.ToLowerInvariant()] = values;
        }
        return headers;
    }
}
