using KubeRaya.Conformance.Reference.Faults;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>One platform with the faults that expose the application: catch-all, path-leak, pods-exposed, no-http-redirect.</summary>
public sealed class RoutingFaultFixture : IAsyncLifetime
{
    public string Host { get; } = SampleCluster.RandomHost("leaky");

    internal PlatformUnderTest Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var faults = FaultSet.Of(FaultSwitch.CatchAll, FaultSwitch.PathLeak, FaultSwitch.PodsExposed, FaultSwitch.NoHttpRedirect);
        Platform = await PlatformUnderTest.StartAsync(faults, (cluster, certificates) =>
        {
            var (chain, key, _) = certificates.Leaf(Host);
            cluster.Deployments.Add(SampleCluster.Deployment("web"));
            cluster.Services.Add(SampleCluster.Service("web", "web", "127.96.0.40"));
            cluster.Secrets.Add(SampleCluster.TlsSecret("leaky-tls", chain, key));
            cluster.Ingresses.Add(SampleCluster.Ingress("leaky", Host, "web", "leaky-tls", [("Prefix", "/app")]));
        }, CancellationToken.None);
        await Platform.WaitForEchoAsync($"https://{Host}/app", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null) await Platform.DisposeAsync();
    }
}
