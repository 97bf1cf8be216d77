using System.Net;
using FluentAssertions;
using KubeRaya.Conformance.Reference.Faults;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>The faults that expose the application, on one platform: catch-all, path-leak, pods-exposed, no-http-redirect.</summary>
public sealed class RoutingFaultTests : IAsyncLifetime
{
    private readonly string host = SampleCluster.RandomHost("leaky");
    private PlatformUnderTest platform = null!;

    public async Task InitializeAsync()
    {
        var faults = FaultSet.Of(FaultSwitch.CatchAll, FaultSwitch.PathLeak, FaultSwitch.PodsExposed, FaultSwitch.NoHttpRedirect);
        platform = await PlatformUnderTest.StartAsync(faults, (cluster, certificates) =>
        {
            var (chain, key, _) = certificates.Leaf(host);
            cluster.Deployments.Add(SampleCluster.Deployment("web"));
            cluster.Services.Add(SampleCluster.Service("web", "web", "127.96.0.40"));
            cluster.Secrets.Add(SampleCluster.TlsSecret("leaky-tls", chain, key));
            cluster.Ingresses.Add(SampleCluster.Ingress("leaky", host, "web", "leaky-tls", [("Prefix", "/app")]));
        }, CancellationToken.None);
        await platform.WaitForEchoAsync($"https://{host}/app", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (platform is not null) await platform.DisposeAsync();
    }

    [Fact]
    public async Task Catch_all_routes_unknown_hosts_to_the_application()
    {
        var unknown = SampleCluster.RandomHost("stranger");

        var overHttps = await EdgeClient.GetAsync(platform.Address, $"https://{unknown}/", CancellationToken.None);
        var overHttp = await EdgeClient.GetAsync(platform.Address, $"http://{unknown}/", CancellationToken.None);

        overHttps.Header("X-KubeRaya-Echo").Should().NotBeNull();
        overHttp.Header("X-KubeRaya-Echo").Should().NotBeNull();
    }

    [Fact]
    public async Task Path_leak_lets_undeclared_paths_reach_the_application()
    {
        var response = await EdgeClient.GetAsync(platform.Address, $"https://{host}/undeclared", CancellationToken.None);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Echo!.Value.GetProperty("path").GetString().Should().Be("/undeclared");
    }

    [Fact]
    public async Task Pods_exposed_lets_the_host_reach_a_pod_at_its_pod_IP()
    {
        var pod = platform.Plane.Pods.Should().ContainSingle().Subject;
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        var body = await client.GetStringAsync(new Uri($"http://{pod.Address}:8080/direct"), CancellationToken.None);

        body.Should().Contain(pod.Name).And.Contain("\"path\": \"/direct\"");
    }

    [Fact]
    public async Task No_http_redirect_serves_the_application_over_plain_http()
    {
        var response = await EdgeClient.GetAsync(platform.Address, $"http://{host}/app", CancellationToken.None);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Header("X-KubeRaya-Echo").Should().NotBeNull();
    }
}
