using FluentAssertions;
using KubeRaya.Conformance.Reference.Network;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

public sealed class LinkLocalSubnetTests
{
    [Fact]
    public void A_chosen_subnet_is_a_link_local_slash_30_outside_metadata_reserved_and_used_ranges()
    {
        var used = new[] { Ipv4Prefix.Parse("169.254.20.0/22"), Ipv4Prefix.Parse("169.254.77.9"), Ipv4Prefix.Parse("169.254.0.0/16") };
        var random = new Random(7);

        var choices = Enumerable.Range(0, 5000).Select(_ => LinkLocalSubnet.Choose(used, random)).ToList();

        choices.Should().OnlyContain(s => s.Prefix.Length == 30 && Ipv4Prefix.LinkLocal.Contains(s.NamespaceAddress));
        choices.Should().NotContain(s => s.Prefix.Overlaps(Ipv4Prefix.Parse("169.254.169.0/24")), "169.254.169.254 is cloud metadata");
        choices.Should().NotContain(s => s.Prefix.Overlaps(Ipv4Prefix.Parse("169.254.0.0/24")) || s.Prefix.Overlaps(Ipv4Prefix.Parse("169.254.255.0/24")));
        choices.Should().NotContain(s => s.Prefix.Overlaps(used[0]) || s.Prefix.Overlaps(used[1]));
        choices.Select(s => s.HostAddress.GetAddressBytes()[3] % 4).Should().OnlyContain(b => b == 1);
    }

    [Fact]
    public void The_host_and_namespace_ends_are_the_two_usable_addresses()
    {
        var subnet = new LinkLocalSubnet(Ipv4Prefix.Parse("169.254.12.8/30"));

        subnet.HostAddress.ToString().Should().Be("169.254.12.9");
        subnet.NamespaceAddress.ToString().Should().Be("169.254.12.10");
    }
}
