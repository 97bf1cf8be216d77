using FluentAssertions;
using KubeRaya.Conformance.Probes;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

public sealed class ProbeEndpointTests
{
    [Fact]
    public void A_host_name_is_refused_as_an_address_because_probes_never_resolve_names() =>
        FluentActions.Invoking(() => new ProbeEndpoint("app.example.test", 80, 443))
            .Should().Throw<ArgumentException>().WithMessage("*IP address*app.example.test*");

    [Fact]
    public void A_port_outside_the_TCP_range_is_refused() =>
        FluentActions.Invoking(() => new ProbeEndpoint("127.0.0.1", 0, 443)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData("127.0.0.1", 80, "127.0.0.1")]
    [InlineData("127.0.0.1", 8080, "127.0.0.1:8080")]
    [InlineData("::1", 8080, "[::1]:8080")]
    public void A_request_addressed_by_IP_carries_the_address_as_Host_with_a_non_default_port(string address, int port, string host) =>
        new HttpProbeRequest(new ProbeEndpoint(address, port, 443), "http", null, null, "/").EffectiveHost.Should().Be(host);

    [Fact]
    public void Each_scheme_has_its_port()
    {
        var endpoint = new ProbeEndpoint("::1", 8080, 8443);

        endpoint.PortFor("http").Should().Be(8080);
        endpoint.PortFor("https").Should().Be(8443);
        endpoint.AuthorityHost.Should().Be("[::1]");
    }
}
