using System.Net;
using FluentAssertions;
using KubeRaya.Conformance.Reference.Faults;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>The faults that change where the pods run or who terminates TLS: tls-passthrough and host-network.</summary>
public sealed class PodFaultTests
{
    [Fact]
    public async Task Tls_passthrough_lets_the_pod_terminate_TLS_with_the_tenant_certificate()
    {
        var host = SampleCluster.RandomHost("pass");
        var fingerprint = string.Empty;
        await using var platform = await PlatformUnderTest.StartAsync(FaultSet.Of(FaultSwitch.TlsPassthrough), (cluster, certificates) =>
        {
            var (chain, key, leaf) = certificates.Leaf(host);
            fingerprint = leaf;
            cluster.Deployments.Add(SampleCluster.Deployment("web"));
            cluster.Services.Add(SampleCluster.Service("web", "web", "127.96.0.50"));
            cluster.Secrets.Add(SampleCluster.TlsSecret("pass-tls", chain, key));
            cluster.Ingresses.Add(SampleCluster.Ingress("pass", host, "web", "pass-tls"));
        }, CancellationToken.None);

        var response = await platform.WaitForEchoAsync($"https://{host}/inside", CancellationToken.None);
        var unknown = await EdgeClient.GetAsync(platform.Address, $"https://{SampleCluster.RandomHost("stranger")}/", CancellationToken.None);

        var echo = response.Echo!.Value;
        echo.GetProperty("tls").GetBoolean().Should().BeTrue("the pod itself received TLS");
        echo.GetProperty("scheme").GetString().Should().Be("https");
        response.EchoedHeader("X-Forwarded-Proto").Should().BeNull("nginx never saw the request");
        response.CertificateFingerprint.Should().Be(fingerprint, "the pod presents the mounted Secret certificate");
        unknown.Status.Should().Be(HttpStatusCode.NotFound, "other names still reach nginx's default server");
    }

    [Fact]
    public async Task Host_network_pods_take_the_node_address_and_are_reachable_from_outside()
    {
        var host = SampleCluster.RandomHost("node");
        await using var platform = await PlatformUnderTest.StartAsync(FaultSet.Of(FaultSwitch.HostNetwork), (cluster, certificates) =>
        {
            var (chain, key, _) = certificates.Leaf(host);
            cluster.Deployments.Add(SampleCluster.Deployment("web"));
            cluster.Services.Add(SampleCluster.Service("web", "web", "127.96.0.60"));
            cluster.Secrets.Add(SampleCluster.TlsSecret("node-tls", chain, key));
            cluster.Ingresses.Add(SampleCluster.Ingress("node", host, "web", "node-tls"));
        }, CancellationToken.None);

        await platform.WaitForEchoAsync($"https://{host}/", CancellationToken.None);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var direct = await client.GetStringAsync(new Uri($"http://{platform.Address}:8080/direct"), CancellationToken.None);

        var pod = platform.Sink.Pods.Values.Should().ContainSingle().Subject;
        pod.Spec.HostNetwork.Should().BeTrue();
        pod.Spec.Containers[0].Ports[0].HostPort.Should().Be(8080);
        pod.Status.PodIP.Should().Be(platform.Address.ToString());
        direct.Should().Contain("\"path\": \"/direct\"");
    }
}
