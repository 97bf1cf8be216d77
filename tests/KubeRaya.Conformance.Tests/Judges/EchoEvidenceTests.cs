using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class EchoEvidenceTests
{
    [Fact]
    public void An_echo_body_is_read_with_its_headers_lower_cased()
    {
        var echo = EchoEvidence.TryParse(Make.EchoBody(path: "/x?y=1"));

        echo.Should().NotBeNull();
        echo!.Scheme.Should().Be("http");
        echo.Tls.Should().BeFalse();
        echo.Pod.Should().Be("echo-7f9c");
        echo.Path.Should().Be("/x?y=1");
        echo.ForwardedProto.Should().Equal("https");
    }

    [Theory]
    [InlineData("{\"scheme\":\"http\",\"tls\":false}")]
    [InlineData("{\"kuberayaEcho\":1,\"tls\":false}")]
    [InlineData("{\"kuberayaEcho\":1,\"scheme\":\"http\",\"tls\":\"no\"}")]
    [InlineData("{\"kuberayaEcho\":1,\"scheme\":\"http\",")]
    [InlineData("<html>kuberayaEcho</html>")]
    public void Anything_else_is_not_an_echo_report(string body) => EchoEvidence.TryParse(body).Should().BeNull();

    [Fact]
    public void A_truncated_echo_body_is_still_recognised_as_the_applications() =>
        EchoEvidence.IsEchoBody("{\"kuberayaEcho\":1,\"scheme\":\"ht").Should().BeTrue();
}
