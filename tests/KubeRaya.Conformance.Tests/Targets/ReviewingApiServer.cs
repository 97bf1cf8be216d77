using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Http;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>
/// An API server on 127.0.0.1 (port 0) that misbehaves in exactly one way for the preflight: it serves one default
/// IngressClass and answers SelfSubjectAccessReviews, denying the (verb, resource) pairs it is told to deny.
/// Every request is recorded as "METHOD path".
/// </summary>
public sealed class ReviewingApiServer(params (string Verb, string Resource)[] denied) : IAsyncDisposable
{
    private LoopbackHttpServer? _server;

    public List<string> Requests { get; } = [];

    public async Task<IKubernetes> StartAsync()
    {
        _server = await LoopbackHttpServer.StartAsync(AnswerAsync);
        return new Kubernetes(new KubernetesClientConfiguration { Host = _server.Address });
    }

    private async Task AnswerAsync(HttpContext context)
    {
        lock (Requests) Requests.Add($"{context.Request.Method} {context.Request.Path}");
        context.Response.ContentType = "application/json";
        if (context.Request.Path == "/apis/networking.k8s.io/v1/ingressclasses")
        {
            await context.Response.WriteAsync("""
                {"apiVersion":"networking.k8s.io/v1","kind":"IngressClassList","metadata":{},"items":[
                 {"metadata":{"name":"nginx","annotations":{"ingressclass.kubernetes.io/is-default-class":"true"}},"spec":{"controller":"k8s.io/ingress-nginx"}}]}
                """);
            return;
        }
        if (context.Request.Path == "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews" && HttpMethods.IsPost(context.Request.Method))
        {
            var review = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var attributes = review["spec"]!["resourceAttributes"]!;
            var deny = denied.Contains((attributes["verb"]!.GetValue<string>(), attributes["resource"]!.GetValue<string>()));
            review["status"] = new JsonObject { ["allowed"] = !deny, ["reason"] = deny ? "RBAC: no rule allows it" : "" };
            context.Response.StatusCode = 201;
            await context.Response.WriteAsync(review.ToJsonString());
            return;
        }
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
