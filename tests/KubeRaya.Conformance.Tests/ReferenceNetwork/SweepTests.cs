using FluentAssertions;
using KubeRaya.Conformance.Reference.Controller;
using KubeRaya.Conformance.Reference.Network;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>What a dead owner left is swept; what a live one runs is kept. Runs alone: every platform start sweeps too.</summary>
[Collection(SweepCollection.Name)]
public sealed class SweepTests
{
    [Fact]
    public async Task Leftovers_of_a_dead_owner_are_swept_and_those_of_a_live_owner_kept()
    {
        // Given the remains of a run whose owner died: record, directory, namespace with a process, veth
        var deadId = PlatformNetwork.NewId();
        var liveId = PlatformNetwork.NewId();
        var deadOwner = new ProcessOwner(int.MaxValue - 7, 1);
        InstanceRegistry.Register(deadId, deadOwner, PlatformDirectory.PathFor(deadId));
        PlatformDirectory.Create(deadId).WriteFile("leftover", "x");
        HostState.RunStatus("ip", "netns", "add", "kr-" + deadId).Should().Be(0);
        HostState.RunStatus("ip", "link", "add", "kr-" + deadId, "type", "veth", "peer", "name", "eth0", "netns", "kr-" + deadId).Should().Be(0);
        using var sleeper = HostState.Start("ip", "netns", "exec", "kr-" + deadId, "sleep", "300");
        // and a namespace of this (live) process
        InstanceRegistry.Register(liveId, ProcessOwner.Current, PlatformDirectory.PathFor(liveId));
        HostState.RunStatus("ip", "netns", "add", "kr-" + liveId).Should().Be(0);
        try
        {
            // When leftovers are swept
            var removed = await ReferenceDataPlane.SweepLeftoversAsync(CancellationToken.None);

            // Then the dead owner's are gone, the live owner's stay
            removed.Should().Contain(deadId).And.NotContain(liveId);
            HostState.Namespaces().Should().NotContain("kr-" + deadId).And.Contain("kr-" + liveId);
            HostState.LinkExists("kr-" + deadId).Should().BeFalse();
            sleeper.WaitForExit(5000).Should().BeTrue("the process left in the namespace is killed");
            Directory.Exists(PlatformDirectory.PathFor(deadId)).Should().BeFalse();
            InstanceRegistry.Read(deadId).Should().BeNull();
            InstanceRegistry.Read(liveId).Should().NotBeNull();
        }
        finally
        {
            HostState.RunStatus("ip", "netns", "del", "kr-" + liveId);
            InstanceRegistry.Remove(liveId);
        }
    }
}
