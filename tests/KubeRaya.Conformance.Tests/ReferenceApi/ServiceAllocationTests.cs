using System.Net;
using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Reference.Api;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class ServiceAllocationTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    private readonly Kubernetes _client = api.Client;

    [Fact]
    public async Task Services_get_distinct_cluster_IPs_in_the_loopback_service_range()
    {
        var ns = await api.NewNamespaceAsync();

        var services = new List<V1Service>();
        for (var i = 0; i < 5; i++) services.Add(await _client.CoreV1.CreateNamespacedServiceAsync(Service($"web{i}"), ns));

        var addresses = services.Select(s => s.Spec.ClusterIP).ToList();
        addresses.Should().OnlyHaveUniqueItems();
        addresses.Should().AllSatisfy(a => IPNetwork.Parse("127.96.0.0/16").Contains(IPAddress.Parse(a)).Should().BeTrue($"{a} must be in the service range"));
        services.Should().AllSatisfy(s => s.Spec.ClusterIPs.Should().Equal(s.Spec.ClusterIP));
        services.Should().AllSatisfy(s => s.Spec.Ports.Should().ContainSingle().Which.NodePort.Should().BeNull());
        services[0].Spec.Ports[0].TargetPort.Value.Should().Be("8080");
        services[0].Spec.Ports[0].Protocol.Should().Be("TCP");
    }

    [Fact]
    public async Task NodePort_Services_get_node_ports_in_range_and_keep_them_on_update()
    {
        var ns = await api.NewNamespaceAsync();
        var service = Service("web");
        service.Spec.Type = "NodePort";

        var created = await _client.CoreV1.CreateNamespacedServiceAsync(service, ns);
        created.Metadata.Labels = new Dictionary<string, string> { ["touched"] = "yes" };
        created.Spec.Ports[0].NodePort = null;
        created.Spec.ClusterIP = null;
        created.Spec.ClusterIPs = null;
        var updated = await _client.CoreV1.ReplaceNamespacedServiceAsync(created, "web", ns);

        var nodePort = (await _client.CoreV1.ReadNamespacedServiceAsync("web", ns)).Spec.Ports[0].NodePort;
        nodePort.Should().BeInRange(ServiceAddresses.NodePortMin, ServiceAddresses.NodePortMax);
        updated.Spec.Ports[0].NodePort.Should().Be(nodePort);
        updated.Spec.ClusterIP.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_requested_cluster_IP_outside_the_range_is_invalid()
    {
        var ns = await api.NewNamespaceAsync();
        var service = Service("web");
        service.Spec.ClusterIP = "10.96.0.10";

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.CreateNamespacedServiceAsync(service, ns));

        code.Should().Be(422);
        status["message"]!.GetValue<string>().Should().Be(
            "Service \"web\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is not in the valid range. The range of valid IPs is 127.96.0.0/16");
    }

    [Fact]
    public async Task A_requested_cluster_IP_in_use_is_invalid_and_a_free_one_is_granted()
    {
        var ns = await api.NewNamespaceAsync();
        var first = await _client.CoreV1.CreateNamespacedServiceAsync(Service("first"), ns);
        var taken = Service("second");
        taken.Spec.ClusterIP = first.Spec.ClusterIP;
        var free = Service("third");
        free.Spec.ClusterIP = first.Spec.ClusterIP == "127.96.200.200" ? "127.96.200.201" : "127.96.200.200";

        var (code, _) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.CreateNamespacedServiceAsync(taken, ns));
        var granted = await _client.CoreV1.CreateNamespacedServiceAsync(free, ns);

        code.Should().Be(422);
        granted.Spec.ClusterIP.Should().Be(free.Spec.ClusterIP);
    }

    [Fact]
    public async Task A_node_port_on_a_ClusterIP_Service_is_forbidden()
    {
        var ns = await api.NewNamespaceAsync();
        var service = Service("web");
        service.Spec.Ports[0].NodePort = 30080;

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.CreateNamespacedServiceAsync(service, ns));

        code.Should().Be(422);
        status["message"]!.GetValue<string>().Should().Be("Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    }

    [Fact]
    public async Task The_cluster_IP_of_a_Service_cannot_change()
    {
        var ns = await api.NewNamespaceAsync();
        var created = await _client.CoreV1.CreateNamespacedServiceAsync(Service("web"), ns);

        created.Spec.ClusterIP = created.Spec.ClusterIP == "127.96.9.9" ? "127.96.9.10" : "127.96.9.9";
        created.Spec.ClusterIPs = [created.Spec.ClusterIP];
        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ReplaceNamespacedServiceAsync(created, "web", ns));

        code.Should().Be(422);
        status["message"]!.GetValue<string>().Should().EndWith("may not change once set");
    }

    internal static V1Service Service(string name) => new V1Service
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080 }],
        },
    }.Initialize();
}
