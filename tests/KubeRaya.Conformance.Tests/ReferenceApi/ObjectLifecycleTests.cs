using System.Text;
using FluentAssertions;
using k8s;
using k8s.Models;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class ObjectLifecycleTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    private readonly Kubernetes _client = api.Client;

    [Fact]
    public async Task A_created_object_gets_identity_and_bookkeeping_and_reads_back_as_stored()
    {
        var ns = await api.NewNamespaceAsync();

        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", ("colour", "blue")), ns);
        var read = await _client.CoreV1.ReadNamespacedConfigMapAsync("settings", ns);

        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.Metadata.ResourceVersion.Should().NotBeNullOrEmpty();
        created.Metadata.CreationTimestamp.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        created.Metadata.NamespaceProperty.Should().Be(ns);
        read.Metadata.Uid.Should().Be(created.Metadata.Uid);
        read.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
        read.Data.Should().Equal(new Dictionary<string, string> { ["colour"] = "blue" });
        read.Kind.Should().Be("ConfigMap");
        read.ApiVersion.Should().Be("v1");
    }

    [Fact]
    public async Task Resource_versions_grow_with_every_write_across_resources()
    {
        var ns = await api.NewNamespaceAsync();

        var first = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), ns);
        var second = await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "b" } }, ns);

        long.Parse(second.Metadata.ResourceVersion).Should().BeGreaterThan(long.Parse(first.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Secret_stringData_is_stored_as_base64_data_and_never_returned()
    {
        var ns = await api.NewNamespaceAsync();
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "creds" },
            Data = new Dictionary<string, byte[]> { ["kept"] = Encoding.UTF8.GetBytes("old"), ["overridden"] = Encoding.UTF8.GetBytes("old") },
            StringData = new Dictionary<string, string> { ["overridden"] = "new", ["added"] = "plain text" },
        };

        var created = await _client.CoreV1.CreateNamespacedSecretAsync(secret, ns);

        created.StringData.Should().BeNull();
        created.Type.Should().Be("Opaque");
        created.Data.ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(p.Value)).Should().Equal(new Dictionary<string, string>
        {
            ["kept"] = "old",
            ["overridden"] = "new",
            ["added"] = "plain text",
        });
    }

    [Fact]
    public async Task Replace_with_the_current_resource_version_succeeds_and_with_a_stale_one_conflicts()
    {
        var ns = await api.NewNamespaceAsync();
        var original = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm", ("k", "1")), ns);

        original.Data["k"] = "2";
        var replaced = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(original, "cm", ns);
        original.Data["k"] = "3";
        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(original, "cm", ns));

        replaced.Data["k"].Should().Be("2");
        replaced.Metadata.Uid.Should().Be(original.Metadata.Uid);
        long.Parse(replaced.Metadata.ResourceVersion).Should().BeGreaterThan(long.Parse(original.Metadata.ResourceVersion));
        code.Should().Be(409);
        status["reason"]!.GetValue<string>().Should().Be("Conflict");
        status["message"]!.GetValue<string>().Should().Be(
            "Operation cannot be fulfilled on configmaps \"cm\": the object has been modified; please apply your changes to the latest version and try again");
        (await _client.CoreV1.ReadNamespacedConfigMapAsync("cm", ns)).Data["k"].Should().Be("2");
    }

    [Fact]
    public async Task A_replace_that_changes_nothing_keeps_the_resource_version()
    {
        var ns = await api.NewNamespaceAsync();
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm", ("k", "v")), ns);

        var replaced = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "cm", ns);

        replaced.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Merge_patch_merges_maps_and_deletes_keys_set_to_null()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm", ("keep", "1"), ("drop", "2"), ("change", "3")), ns);

        var patch = new V1Patch("""{"data":{"drop":null,"change":"three","add":"4"}}""", V1Patch.PatchType.MergePatch);
        var patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(patch, "cm", ns);

        patched.Data.Should().Equal(new Dictionary<string, string> { ["keep"] = "1", ["change"] = "three", ["add"] = "4" });
    }

    [Fact]
    public async Task Strategic_merge_patch_merges_containers_by_name()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.AppsV1.CreateNamespacedDeploymentAsync(ValidationTests.Deployment("web", ("app", "web")), ns);

        var patch = new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"echo","image":"echo:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch);
        var patched = await _client.AppsV1.PatchNamespacedDeploymentAsync(patch, "web", ns);

        var container = patched.Spec.Template.Spec.Containers.Should().ContainSingle().Subject;
        container.Image.Should().Be("echo:2");
        container.Ports.Should().ContainSingle().Which.ContainerPort.Should().Be(8080, "the container's other fields survive a strategic merge");
        patched.Metadata.Generation.Should().Be(2, "a spec change counts a generation");
    }

    [Fact]
    public async Task Json_patch_applies_its_operations_in_order()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm", ("a", "1")), ns);

        var patch = new V1Patch("""[{"op":"add","path":"/data/b","value":"2"},{"op":"remove","path":"/data/a"},{"op":"test","path":"/data/b","value":"2"}]""",
            V1Patch.PatchType.JsonPatch);
        var patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(patch, "cm", ns);

        patched.Data.Should().Equal(new Dictionary<string, string> { ["b"] = "2" });
    }

    [Fact]
    public async Task Deleting_an_object_removes_it_and_a_second_delete_is_not_found()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm"), ns);

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("cm", ns);
        var (code, _) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ReadNamespacedConfigMapAsync("cm", ns));
        var (again, _) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.DeleteNamespacedConfigMapAsync("cm", ns));

        code.Should().Be(404);
        again.Should().Be(404);
    }

    [Fact]
    public async Task The_main_resource_ignores_status_and_the_status_subresource_ignores_spec()
    {
        var ns = await api.NewNamespaceAsync();
        var ingress = await _client.NetworkingV1.CreateNamespacedIngressAsync(ValidationTests.Ingress("web", "web.example.test", "/", "Prefix"), ns);
        ingress.Status.LoadBalancer.Ingress.Should().BeNullOrEmpty();

        ingress.Status.LoadBalancer.Ingress = [new V1IngressLoadBalancerIngress { Ip = "127.0.0.1" }];
        ingress.Spec.Rules[0].Host = "changed.example.test";
        var statusWritten = await _client.NetworkingV1.ReplaceNamespacedIngressStatusAsync(ingress, "web", ns);
        statusWritten.Status.LoadBalancer.Ingress[0].Ip = "127.0.0.2";
        var mainWritten = await _client.NetworkingV1.ReplaceNamespacedIngressAsync(statusWritten, "web", ns);

        statusWritten.Spec.Rules[0].Host.Should().Be("web.example.test");
        statusWritten.Metadata.Generation.Should().Be(1);
        mainWritten.Status.LoadBalancer.Ingress.Should().ContainSingle().Which.Ip.Should().Be("127.0.0.1");
    }

    [Fact]
    public async Task A_status_patch_changes_the_status_only_and_leaves_the_generation()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.AppsV1.CreateNamespacedDeploymentAsync(ValidationTests.Deployment("web", ("app", "web")), ns);

        var patch = new V1Patch("""{"spec":{"replicas":5},"status":{"observedGeneration":1,"readyReplicas":1,"replicas":1}}""", V1Patch.PatchType.MergePatch);
        var patched = await _client.AppsV1.PatchNamespacedDeploymentStatusAsync(patch, "web", ns);

        patched.Status.ReadyReplicas.Should().Be(1);
        patched.Status.ObservedGeneration.Should().Be(1);
        patched.Spec.Replicas.Should().Be(1);
        patched.Metadata.Generation.Should().Be(1);
    }

    [Fact]
    public async Task Concurrent_writers_each_get_their_own_resource_version()
    {
        var ns = await api.NewNamespaceAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"cm-{i}"), ns)));

        created.Select(c => c.Metadata.ResourceVersion).Should().OnlyHaveUniqueItems();
        (await _client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.Should().HaveCount(40);
    }

    [Fact]
    public async Task GenerateName_creates_a_unique_name_from_the_prefix()
    {
        var ns = await api.NewNamespaceAsync();

        var first = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "probe-" } }, ns);
        var second = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "probe-" } }, ns);

        first.Metadata.Name.Should().MatchRegex("^probe-[a-z0-9]{5}$");
        second.Metadata.Name.Should().NotBe(first.Metadata.Name);
    }

    [Fact]
    public async Task A_dry_run_validates_without_storing()
    {
        var ns = await api.NewNamespaceAsync();

        var answer = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("dry"), ns, dryRun: "All");
        var (code, _) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ReadNamespacedConfigMapAsync("dry", ns));

        answer.Metadata.Name.Should().Be("dry");
        code.Should().Be(404);
    }

    internal static V1ConfigMap ConfigMap(string name, params (string Key, string Value)[] data) => new V1ConfigMap
    {
        Metadata = new V1ObjectMeta { Name = name },
        Data = data.ToDictionary(d => d.Key, d => d.Value),
    }.Initialize();
}
