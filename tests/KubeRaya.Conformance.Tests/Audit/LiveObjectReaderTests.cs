using System.Net;
using FluentAssertions;
using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Controls;
using Xunit;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>The live reader against a local stand-in of the Kubernetes list API.</summary>
public sealed class LiveObjectReaderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_cluster_is_read_page_by_page_and_judged_like_manifests()
    {
        await using var api = new FakeKubernetesApi()
            .Serve("/apis/networking.k8s.io/v1/ingresses",
                AuditObjects.Ingress("shop", "web", "shop.example.test", "web", secret: "web-tls"),
                AuditObjects.Ingress("shop", "plain", "plain.example.test", "web"),
                AuditObjects.Ingress("blog", "blog", "blog.example.test", "blog", secret: "blog-tls"))
            .Serve("/api/v1/services",
                AuditObjects.Service("shop", "web", "NodePort", ("app", "web")),
                AuditObjects.Service("blog", "blog", "ClusterIP", ("app", "blog")))
            .Serve("/api/v1/secrets",
                AuditObjects.TlsSecret("shop", "web-tls", "valid", Now, "shop.example.test"),
                AuditObjects.TlsSecret("blog", "blog-tls", "valid", Now, "blog.example.test"))
            .Serve("/apis/apps/v1/deployments", AuditObjects.Deployment("shop", "web", ("app", "web")))
            .Serve("/api/v1/pods", AuditObjects.Pod("shop", "web-1", hostNetwork: false, controllerKind: "ReplicaSet"));
        var client = await api.StartAsync(CancellationToken.None);

        var objects = await new LiveObjectReader(client, pageSize: 2).ReadAsync(null, CancellationToken.None);
        var verdicts = new AuditRunner(new AuditOptions { Now = Now }).Judge(objects);

        objects.Scope.Should().Be(ObjectSetScope.Cluster);
        objects.Ingresses.Select(i => i.Reference).Should().Equal("Ingress/shop/web", "Ingress/shop/plain", "Ingress/blog/blog");
        api.Requests.Should().Contain(r => r.StartsWith("/apis/networking.k8s.io/v1/ingresses", StringComparison.Ordinal) && r.Contains("continue=2"),
            "three Ingresses in pages of two take a second request");
        verdicts.Where(v => v.Outcome == Outcome.Failed).Select(v => (v.Control, v.Object)).Should().BeEquivalentTo(new[]
        {
            ("KR-TLS-01", "Ingress/shop/plain"),
            ("KR-PRIV-01", "Service/shop/web"),
        });
        verdicts.Should().OnlyContain(v => v.Location == null);
        objects.Secrets.Should().OnlyContain(s => s.Value.Data["tls.key"].Length == 0);
    }

    [Fact]
    public async Task One_namespace_is_read_through_the_namespaced_endpoints_even_without_cluster_scope()
    {
        await using var api = new FakeKubernetesApi()
            .Serve("/apis/networking.k8s.io/v1/namespaces/shop/ingresses", AuditObjects.Ingress("shop", "web", "shop.example.test", "web"))
            .Serve("/apis/networking.k8s.io/v1/ingresses", AuditObjects.Ingress("blog", "blog", "blog.example.test", "blog"))
            .Refuse("/apis/networking.k8s.io/v1/ingressclasses", HttpStatusCode.Forbidden);
        var client = await api.StartAsync(CancellationToken.None);

        var verdicts = await new AuditRunner(new AuditOptions { Now = Now }).AuditClusterAsync(client, "shop", CancellationToken.None);

        verdicts.Where(v => v.Control == "KR-TLS-01").Select(v => v.Object).Should().Equal("Ingress/shop/web");
        verdicts.Should().NotContain(v => v.Outcome == Outcome.Error, "IngressClasses are cluster-scoped and judged by no control, so not listing them decides nothing");
        api.Requests.Should().Contain(r => r.StartsWith("/api/v1/namespaces/shop/secrets", StringComparison.Ordinal));
        api.Requests.Should().NotContain(r => r.StartsWith("/api/v1/secrets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kind_the_client_may_not_list_leaves_every_control_undecided_instead_of_passed()
    {
        await using var api = new FakeKubernetesApi()
            .Serve("/apis/networking.k8s.io/v1/ingresses", AuditObjects.Ingress("shop", "web", "shop.example.test", "web", secret: "web-tls"))
            .Refuse("/api/v1/secrets", HttpStatusCode.Forbidden);
        var client = await api.StartAsync(CancellationToken.None);

        var verdicts = await new AuditRunner(new AuditOptions { Now = Now }).AuditClusterAsync(client, null, CancellationToken.None);

        var undecided = verdicts.Where(v => v.Outcome == Outcome.Error && v.Host == "cluster").ToList();
        undecided.Select(v => v.Control).Should().BeEquivalentTo(ControlCatalogue.InMode(ControlModes.Audit).Select(c => c.Id));
        undecided[0].Observed.Should().Contain("listing Secrets failed: 403 Forbidden").And.Contain("grant the audit's identity list");
    }
}
