using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Reference.Api;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class CascadeTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    private readonly Kubernetes _client = api.Client;

    [Fact]
    public async Task Deleting_a_namespace_deletes_everything_in_it_and_nothing_elsewhere()
    {
        var doomed = await api.NewNamespaceAsync();
        var bystander = await api.NewNamespaceAsync();
        foreach (var ns in new[] { doomed, bystander })
        {
            await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, ns);
            await _client.NetworkingV1.CreateNamespacedIngressAsync(ValidationTests.Ingress("web", "web.example.test", "/", "Prefix"), ns);
        }

        var answer = await _client.CoreV1.DeleteNamespaceAsync(doomed);

        answer.Should().NotBeNull();
        (await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ReadNamespaceAsync(doomed))).Code.Should().Be(404);
        (await _client.NetworkingV1.ListIngressForAllNamespacesAsync()).Items.Select(i => i.Metadata.NamespaceProperty).Should().NotContain(doomed).And.Contain(bystander);
        (await _client.CoreV1.ListSecretForAllNamespacesAsync()).Items.Select(s => s.Metadata.NamespaceProperty).Should().NotContain(doomed).And.Contain(bystander);
    }

    [Fact]
    public async Task A_recreated_namespace_starts_empty()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, ns);

        await _client.CoreV1.DeleteNamespaceAsync(ns);
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });

        (await _client.CoreV1.ListNamespacedSecretAsync(ns)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_a_Deployment_deletes_the_Pods_it_owns_only()
    {
        var ns = await api.NewNamespaceAsync();
        var deployment = await _client.AppsV1.CreateNamespacedDeploymentAsync(ValidationTests.Deployment("web", ("app", "web")), ns);
        api.Store.Upsert(Pod(ns, "web-1", deployment));
        api.Store.Upsert(Pod(ns, "web-2", deployment));
        api.Store.Upsert(Pod(ns, "unowned", owner: null));

        await _client.AppsV1.DeleteNamespacedDeploymentAsync("web", ns);

        (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.Select(p => p.Metadata.Name).Should().Equal("unowned");
    }

    [Fact]
    public async Task Orphan_propagation_keeps_the_dependents_and_drops_their_owner_reference()
    {
        var ns = await api.NewNamespaceAsync();
        var deployment = await _client.AppsV1.CreateNamespacedDeploymentAsync(ValidationTests.Deployment("web", ("app", "web")), ns);
        api.Store.Upsert(Pod(ns, "web-1", deployment));

        await _client.AppsV1.DeleteNamespacedDeploymentAsync("web", ns, propagationPolicy: "Orphan");

        var pod = (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.Should().ContainSingle().Subject;
        pod.Metadata.OwnerReferences.Should().BeNullOrEmpty();
    }

    private static V1Pod Pod(string ns, string name, V1Deployment? owner) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string> { ["app"] = "web" },
            OwnerReferences = owner is null
                ? null
                :
                [
                    new V1OwnerReference
                    {
                        ApiVersion = "apps/v1",
                        Kind = "Deployment",
                        Name = owner.Metadata.Name,
                        Uid = owner.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
        },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "echo", Image = "echo:1" }] },
        Status = new V1PodStatus { Phase = "Running", PodIP = "127.0.0.1" },
    };
}
