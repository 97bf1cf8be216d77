using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class Http2JudgeTests
{
    [Fact]
    public void ALPN_h2_passes()
    {
        var verdict = Http2Judge.Judge(Make.Host, Make.Handshake());

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-EXT-02");
        verdict.Observed.Should().Contain("ALPN h2");
    }

    [Theory]
    [InlineData("http/1.1", "ALPN selected http/1.1")]
    [InlineData(null, "no ALPN protocol was selected")]
    public void Another_or_no_ALPN_protocol_is_unsupported_not_failed(string? alpn, string words)
    {
        var verdict = Http2Judge.Judge(Make.Host, Make.Handshake() with { Alpn = alpn });

        verdict.Outcome.Should().Be(Outcome.Skipped);
        verdict.Observed.Should().StartWith("unsupported: ").And.Contain(words);
    }

    [Fact]
    public void A_refused_h2_only_handshake_is_unsupported_when_a_plain_one_works()
    {
        var verdict = Http2Judge.Judge(Make.Host, Make.FailedHandshake(Make.Host, "alert no_application_protocol"), Make.Handshake() with { Alpn = "http/1.1" });

        verdict.Outcome.Should().Be(Outcome.Skipped);
        verdict.Observed.Should().Contain("alert no_application_protocol").And.Contain("ALPN http/1.1");
    }

    [Fact]
    public void An_outage_cannot_decide() =>
        Http2Judge.Judge(Make.Host, Make.FailedHandshake(Make.Host, "timeout"), Make.FailedHandshake(Make.Host, "timeout")).Outcome.Should().Be(Outcome.Error);
}
