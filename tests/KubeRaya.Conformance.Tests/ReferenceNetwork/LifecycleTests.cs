using FluentAssertions;
using KubeRaya.Conformance.Reference.Controller;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Reference.Network;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>What a platform instance starts is gone after it stops.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Stopping_leaves_no_namespace_link_process_directory_or_owner_record()
    {
        // Given a running platform with nginx and an echo pod
        var host = SampleCluster.RandomHost("life");
        var platform = await PlatformUnderTest.StartAsync(FaultSet.None, (cluster, certificates) =>
        {
            var (chain, key, _) = certificates.Leaf(host);
            cluster.Deployments.Add(SampleCluster.Deployment("web"));
            cluster.Services.Add(SampleCluster.Service("web", "web", "127.96.0.20"));
            cluster.Secrets.Add(SampleCluster.TlsSecret("life-tls", chain, key));
            cluster.Ingresses.Add(SampleCluster.Ingress("life", host, "web", "life-tls"));
        }, CancellationToken.None);
        await platform.WaitForEchoAsync($"https://{host}/", CancellationToken.None);
        var plane = platform.Plane;
        var ns = plane.Network.Namespace.Name;
        var pids = HostState.NamespacePids(ns);
        pids.Should().HaveCountGreaterThanOrEqualTo(3, "nginx master, its worker and the echo pod run in the namespace");
        InstanceRegistry.Read(plane.Id).Should().NotBeNull();

        // When it is disposed, twice
        await platform.DisposeAsync();
        await plane.DisposeAsync();

        // Then nothing of it is left
        HostState.Namespaces().Should().NotContain(ns);
        HostState.LinkExists(plane.Network.HostLinkName).Should().BeFalse();
        pids.Where(HostState.IsRunning).Should().BeEmpty();
        Directory.Exists(plane.DirectoryPath).Should().BeFalse();
        InstanceRegistry.Read(plane.Id).Should().BeNull();
    }
}
