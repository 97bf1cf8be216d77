using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Reference.Api;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class ObjectStoreTests
{
    private readonly ObjectStore _store = new();

    [Fact]
    public void A_new_store_holds_the_namespaces_every_cluster_starts_with()
    {
        _store.List<V1Namespace>().Select(n => n.Metadata.Name).Should().Equal("default", "kube-node-lease", "kube-public", "kube-system");
        _store.Get<V1Namespace>(null, "default")!.Status.Phase.Should().Be("Active");
    }

    [Fact]
    public void Upsert_creates_then_replaces_keeping_identity_and_announcing_each_change_in_order()
    {
        var changes = new List<ObjectChange>();
        _store.Changed += (_, change) => changes.Add(change);

        var created = _store.Upsert(Endpoints("web", "127.0.0.2"));
        var replaced = _store.Upsert(Endpoints("web", "127.0.0.3"));

        replaced.Metadata.Uid.Should().Be(created.Metadata.Uid);
        replaced.Metadata.CreationTimestamp.Should().Be(created.Metadata.CreationTimestamp);
        long.Parse(replaced.Metadata.ResourceVersion).Should().BeGreaterThan(long.Parse(created.Metadata.ResourceVersion));
        changes.Select(c => (c.Type, c.Resource, c.Namespace, c.Name)).Should().Equal(
            (WatchEventType.Added, ResourceCatalog.Endpoints, "default", "web"),
            (WatchEventType.Modified, ResourceCatalog.Endpoints, "default", "web"));
        changes[1].As<V1Endpoints>().Subsets[0].Addresses[0].Ip.Should().Be("127.0.0.3");
        changes[1].ResourceVersion.Should().Be(long.Parse(replaced.Metadata.ResourceVersion));
    }

    [Fact]
    public void A_write_that_changes_nothing_is_not_committed_or_announced()
    {
        var first = _store.Upsert(Endpoints("web", "127.0.0.2"));
        var announced = 0;
        _store.Changed += (_, _) => announced++;

        var second = _store.Upsert(Endpoints("web", "127.0.0.2"));

        second.Metadata.ResourceVersion.Should().Be(first.Metadata.ResourceVersion);
        announced.Should().Be(0);
    }

    [Fact]
    public void UpdateStatus_replaces_only_the_status()
    {
        var ingress = ValidationTests.Ingress("web", "web.example.test", "/", "Prefix");
        ingress.Metadata.NamespaceProperty = "default";
        _store.Upsert(ingress);

        ingress.Spec.Rules[0].Host = "ignored.example.test";
        ingress.Status = new V1IngressStatus
        {
            LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Ip = "127.0.0.1" }] },
        };
        var updated = _store.UpdateStatus(ingress);

        updated!.Status.LoadBalancer.Ingress[0].Ip.Should().Be("127.0.0.1");
        updated.Spec.Rules[0].Host.Should().Be("web.example.test");
        updated.Metadata.Generation.Should().Be(1);
    }

    [Fact]
    public void UpdateStatus_of_a_missing_object_returns_null()
    {
        var ingress = ValidationTests.Ingress("gone", "web.example.test", "/", "Prefix");
        ingress.Metadata.NamespaceProperty = "default";

        _store.UpdateStatus(ingress).Should().BeNull();
    }

    [Fact]
    public void Writing_into_a_missing_namespace_is_refused_with_404()
    {
        var endpoints = Endpoints("web", "127.0.0.2");
        endpoints.Metadata.NamespaceProperty = "absent";

        var act = () => _store.Upsert(endpoints);

        act.Should().Throw<ApiStatusException>().Which.Code.Should().Be(404);
    }

    [Fact]
    public void Delete_removes_the_object_and_reports_whether_there_was_one()
    {
        _store.Upsert(Endpoints("web", "127.0.0.2"));

        _store.Delete<V1Endpoints>("default", "web").Should().BeTrue();
        _store.Delete<V1Endpoints>("default", "web").Should().BeFalse();
        _store.Get<V1Endpoints>("default", "web").Should().BeNull();
    }

    [Fact]
    public void A_failing_handler_is_recorded_and_does_not_undo_the_change_or_silence_other_handlers()
    {
        var seen = 0;
        _store.Changed += (_, _) => throw new InvalidOperationException("handler bug");
        _store.Changed += (_, _) => seen++;

        _store.Upsert(Endpoints("web", "127.0.0.2"));

        _store.Get<V1Endpoints>("default", "web").Should().NotBeNull();
        seen.Should().Be(1);
        _store.HandlerFailures.Should().ContainSingle().Which.Message.Should().Be("handler bug");
    }

    [Fact]
    public void Copies_handed_out_do_not_alias_the_store()
    {
        _store.Upsert(Endpoints("web", "127.0.0.2"));

        var copy = _store.Get(ResourceCatalog.Endpoints, "default", "web")!;
        copy["subsets"] = null;

        _store.Get<V1Endpoints>("default", "web")!.Subsets.Should().ContainSingle();
    }

    [Fact]
    public void Typed_helpers_refuse_kinds_the_server_does_not_serve()
    {
        var act = () => _store.List<V1ReplicaSet>();

        act.Should().Throw<ArgumentException>().WithMessage("*does not serve V1ReplicaSet*");
    }

    private static V1Endpoints Endpoints(string name, string ip) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Subsets = [new V1EndpointSubset { Addresses = [new V1EndpointAddress { Ip = ip }], Ports = [new Corev1EndpointPort { Port = 8080 }] }],
    };
}
