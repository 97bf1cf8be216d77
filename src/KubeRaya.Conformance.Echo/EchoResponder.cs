using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace KubeRaya.Conformance.Echo;

/// <summary>
/// Answers every request with a JSON description of what arrived, and the marker header
/// <c>X-KubeRaya-Echo: &lt;pod&gt;</c>. Field names follow the Gateway API echo-basic image where they overlap
/// (method, path, host, proto, headers as name → list of values, namespace, pod, service, ingress, sni); the
/// additions are <c>query</c>, <c>scheme</c> and <c>tls</c>.
/// </summary>
public static class EchoResponder
{
    /// <summary>The marker header every echo response carries.</summary>
    public const string MarkerHeader = "X-KubeRaya-Echo";

    /// <summary>What an application that terminates TLS itself would send; only on TLS requests.</summary>
    private const string OwnHsts = "max-age=31536000; includeSubDomains";

    /// <summary>Writes the echo of <paramref name="context"/>'s request.</summary>
    public static async Task RespondAsync(HttpContext context, EchoIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(identity);
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var tls = context.Features.Get<ITlsHandshakeFeature>();

        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            // The marker by which the harness recognises this application's content, even in a cut body:
            // KubeRaya.Conformance.Evidence.EchoEvidence.MarkerProperty (kept in step by EchoContractTests).
            json.WriteNumber("kuberayaEcho", 1);
            json.WriteString("method", request.Method);
            json.WriteString("path", question < 0 ? rawTarget : rawTarget[..question]);
            json.WriteString("query", question < 0 ? string.Empty : rawTarget[(question + 1)..]);
            json.WriteString("host", request.Host.Value);
            json.WriteString("scheme", request.Scheme);
            json.WriteString("proto", request.Protocol);
            json.WriteBoolean("tls", request.IsHttps);
            if (tls is not null)
            {
                json.WriteString("sni", tls.HostName);
                json.WriteString("tlsProtocol", tls.Protocol.ToString());
            }

            json.WriteStartObject("headers");
            foreach (var header in request.Headers)
            {
                json.WriteStartArray(header.Key);
                foreach (var value in header.Value) json.WriteStringValue(value);
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteString("pod", identity.Pod);
            json.WriteString("namespace", identity.Namespace);
            if (identity.Service is not null) json.WriteString("service", identity.Service);
            if (identity.Ingress is not null) json.WriteString("ingress", identity.Ingress);
            json.WriteString("remoteAddress", context.Connection.RemoteIpAddress?.ToString());
            json.WriteEndObject();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers[MarkerHeader] = identity.Pod;
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (request.IsHttps) context.Response.Headers.StrictTransportSecurity = OwnHsts;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), context.RequestAborted);
    }
}
