using System.Net;
using System.Text.Json;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>One response seen at the ingress: status, headers, body, and for HTTPS the leaf certificate's fingerprint.</summary>
internal sealed record EdgeResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Body, string? CertificateFingerprint)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The echo's JSON, or null when the body is not one (default backend, redirect).</summary>
    public JsonElement? Echo
    {
        get
        {
            if (Header("X-KubeRaya-Echo") is null) return null;
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The first value of a request header as the echo received it.</summary>
    public string? EchoedHeader(string name) =>
        Echo is { } echo && echo.GetProperty("headers").EnumerateObject().FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.Array } header
            ? header.Value[0].GetString()
            : null;
}
