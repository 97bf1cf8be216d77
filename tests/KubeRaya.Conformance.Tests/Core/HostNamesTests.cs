using FluentAssertions;
using KubeRaya.Conformance.Targets;
using Xunit;

namespace KubeRaya.Conformance.Tests.Core;

public class HostNamesTests
{
    [Theory]
    [InlineData("app.example.com")]
    [InlineData("a-b.c.example.test")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("app.example.com.")]
    public void Plain_dns_names_are_accepted(string host) => HostNames.Problem(host).Should().BeNull();

    [Theory]
    [InlineData("app example.com", "white space")]
    [InlineData("*.example.com", "wildcard")]
    [InlineData("127.0.0.1", "IP address")]
    [InlineData("localhost", "single label")]
    [InlineData("https://app.example.com", "bare host")]
    [InlineData("-app.example.com", "starts or ends")]
    [InlineData("app_1.example.com", "characters outside")]
    [InlineData("", "empty")]
    public void Names_that_cannot_be_presented_as_SNI_are_refused_with_the_reason(string host, string reason) =>
        HostNames.Problem(host).Should().Contain(reason);
}
