using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>
/// The list endpoints of a Kubernetes API server on 127.0.0.1 with an OS-chosen port: each collection path answers
/// with its items, paged by <c>limit</c> and <c>continue</c> as the real server pages; a path may be made to refuse
/// with a status. Every request is recorded.
/// </summary>
public sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly Dictionary<string, List<object>> collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpStatusCode> refusals = new(StringComparer.Ordinal);
    private WebApplication? app;

    /// <summary>Paths and queries requested, in order.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Serves the items at a collection path, e.g. <c>/api/v1/services</c>.</summary>
    public FakeKubernetesApi Serve(string path, params object[] items)
    {
        collections[path] = [.. items];
        return this;
    }

    /// <summary>Answers a collection path with a status instead of a list.</summary>
    public FakeKubernetesApi Refuse(string path, HttpStatusCode status)
    {
        refusals[path] = status;
        return this;
    }

    /// <summary>Starts listening and returns a client for it.</summary>
    public async Task<IKubernetes> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(Answer);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Kubernetes(new KubernetesClientConfiguration { Host = address });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    private async Task Answer(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        lock (Requests) Requests.Add(path + context.Request.QueryString);
        if (refusals.TryGetValue(path, out var status))
        {
            context.Response.StatusCode = (int)status;
            await context.Response.WriteAsJsonAsync(new { kind = "Status", apiVersion = "v1", status = "Failure", reason = status.ToString(), code = (int)status });
            return;
        }
        var items = collections.GetValueOrDefault(path) ?? [];
        var offset = int.TryParse(context.Request.Query["continue"], CultureInfo.InvariantCulture, out var start) ? start : 0;
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var size) ? size : items.Count;
        var page = items.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count < items.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        var list = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "List",
            ["metadata"] = next is null ? new JsonObject() : new JsonObject { ["continue"] = next },
            ["items"] = new JsonArray(page.Select(i => JsonNode.Parse(KubernetesJson.Serialize(i))).ToArray()),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(list.ToJsonString());
    }
}
