using System.Net;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference.Controller;
using KubeRaya.Conformance.Reference.Faults;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>A real reference data plane (netns, nginx, echo processes) with a cluster the test shapes.</summary>
internal sealed class PlatformUnderTest : IAsyncDisposable
{
    private PlatformUnderTest(ReferenceDataPlane plane, SampleCluster cluster, RecordingSink sink, TestCertificates certificates)
    {
        Plane = plane;
        Cluster = cluster;
        Sink = sink;
        Certificates = certificates;
    }

    public ReferenceDataPlane Plane { get; }

    public SampleCluster Cluster { get; }

    public RecordingSink Sink { get; }

    public TestCertificates Certificates { get; }

    public IPAddress Address => Plane.IngressAddress;

    public IPEndPoint Https => new(Address, 443);

    public static async Task<PlatformUnderTest> StartAsync(FaultSet faults, Action<SampleCluster, TestCertificates> shape, CancellationToken cancellationToken)
    {
        var sink = new RecordingSink();
        var certificates = new TestCertificates();
        var cluster = new SampleCluster();
        shape(cluster, certificates);
        var plane = await ReferenceDataPlane.StartAsync(new ReferenceDataPlaneOptions { Sink = sink, Faults = faults }, cancellationToken);
        var platform = new PlatformUnderTest(plane, cluster, sink, certificates);
        await platform.ApplyAsync(cancellationToken);
        return platform;
    }

    /// <summary>Hands the cluster to the data plane and waits until nginx serves it.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        Plane.OnClusterChanged(Cluster.Snapshot());
        await Plane.WaitForConvergenceAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="url"/> is answered by an echo pod through the ingress three times in a row: right
    /// after a reload, a worker of the previous configuration may still take a connection or two.
    /// </summary>
    public async Task<EdgeResponse> WaitForEchoAsync(string url, CancellationToken cancellationToken)
    {
        var result = await BoundedPoll.UntilAsync(
            token => EdgeClient.GetAsync(Address, url, token),
            response => response.Header("X-KubeRaya-Echo") is not null,
            Timeouts.FromEnvironment().IngressReady,
            cancellationToken,
            consecutive: 3,
            interval: TimeSpan.FromMilliseconds(50));
        if (!result.Satisfied)
            throw new TimeoutException($"{url} was not answered by an echo pod through {Address}: last status {result.Last?.Status}; pods: {string.Join(", ", Plane.Pods.Select(p => $"{p.Name} {p.Phase} ready={p.Ready} {p.Message}"))}; last error: {Plane.LastError}");
        return result.Last!;
    }

    public async ValueTask DisposeAsync()
    {
        await Plane.DisposeAsync();
        Certificates.Dispose();
    }
}
