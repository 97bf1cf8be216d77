using System.Net;
using FluentAssertions;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>The faults that expose the application (see <see cref="RoutingFaultFixture"/>).</summary>
public sealed class RoutingFaultTests(RoutingFaultFixture fixture) : IClassFixture<RoutingFaultFixture>
{
    private PlatformUnderTest Platform => fixture.Platform;

    [Fact]
    public async Task Catch_all_routes_unknown_hosts_to_the_application()
    {
        var unknown = SampleCluster.RandomHost("stranger");

        var overHttps = await EdgeClient.GetAsync(Platform.Address, $"https://{unknown}/", CancellationToken.None);
        var overHttp = await EdgeClient.GetAsync(Platform.Address, $"http://{unknown}/", CancellationToken.None);

        overHttps.Header("X-KubeRaya-Echo").Should().NotBeNull();
        overHttp.Header("X-KubeRaya-Echo").Should().NotBeNull();
    }

    [Fact]
    public async Task Path_leak_lets_undeclared_paths_reach_the_application()
    {
        var response = await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.Host}/undeclared", CancellationToken.None);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Echo!.Value.GetProperty("path").GetString().Should().Be("/undeclared");
    }

    [Fact]
    public async Task Pods_exposed_lets_the_host_reach_a_pod_at_its_pod_IP()
    {
        var pod = Platform.Plane.Pods.Should().ContainSingle().Subject;
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        var body = await client.GetStringAsync(new Uri($"http://{pod.Address}:8080/direct"), CancellationToken.None);

        body.Should().Contain(pod.Name).And.Contain("\"path\": \"/direct\"");
    }

    [Fact]
    public async Task No_http_redirect_serves_the_application_over_plain_http()
    {
        var response = await EdgeClient.GetAsync(Platform.Address, $"http://{fixture.Host}/app", CancellationToken.None);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Header("X-KubeRaya-Echo").Should().NotBeNull();
    }
}
