using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class Tls13JudgeTests
{
    [Fact]
    public void A_TLS_1_3_handshake_passes()
    {
        var verdict = Tls13Judge.Judge(Make.Host, Make.Handshake());

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-EXT-01");
        verdict.Observed.Should().Contain("Tls13");
    }

    [Fact]
    public void A_server_choosing_TLS_1_2_is_unsupported_not_failed()
    {
        var verdict = Tls13Judge.Judge(Make.Host, Make.Handshake() with { Protocol = "Tls12" });

        verdict.Outcome.Should().Be(Outcome.Skipped);
        verdict.Observed.Should().StartWith("unsupported: ").And.Contain("negotiated Tls12");
    }

    [Fact]
    public void A_refused_TLS_1_3_only_handshake_is_unsupported_when_TLS_1_2_works()
    {
        var verdict = Tls13Judge.Judge(Make.Host, Make.FailedHandshake(Make.Host, "alert protocol_version"), Make.Handshake() with { Protocol = "Tls12" });

        verdict.Outcome.Should().Be(Outcome.Skipped);
        verdict.Observed.Should().StartWith("unsupported: ").And.Contain("alert protocol_version");
    }

    [Fact]
    public void A_failed_handshake_with_no_working_reference_cannot_decide()
    {
        var verdict = Tls13Judge.Judge(Make.Host, Make.FailedHandshake(Make.Host, "connection refused"));

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("connection refused");
    }

    [Fact]
    public void A_handshake_to_another_host_cannot_decide() =>
        Tls13Judge.Judge("b.example.test", Make.Handshake()).Outcome.Should().Be(Outcome.Error);
}
