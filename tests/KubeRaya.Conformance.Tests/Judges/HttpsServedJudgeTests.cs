using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class HttpsServedJudgeTests
{
    [Fact]
    public void A_completed_handshake_with_an_HTTP_response_passes()
    {
        var verdict = HttpsServedJudge.Judge(Make.Handshake());

        verdict.Should().BeEquivalentTo(new { Control = "KR-TLS-01", Host = Make.Host, Outcome = Outcome.Passed });
        verdict.Observed.Should().Contain("HTTP status 200");
    }

    [Fact]
    public void An_error_status_still_shows_HTTPS_is_served() =>
        HttpsServedJudge.Judge(Make.Handshake() with { HttpStatus = 503 }).Outcome.Should().Be(Outcome.Passed);

    [Fact]
    public void A_failed_handshake_fails_naming_the_reason()
    {
        var verdict = HttpsServedJudge.Judge(Make.FailedHandshake(Make.Host, "connection refused"));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("connection refused");
    }

    [Fact]
    public void A_handshake_without_an_HTTP_response_fails()
    {
        var verdict = HttpsServedJudge.Judge(Make.Handshake() with { HttpStatus = null, Failure = "response ended prematurely" });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("no HTTP response").And.Contain("response ended prematurely");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("b.example.test")]
    public void A_handshake_without_the_host_as_SNI_cannot_decide(string? sni)
    {
        var verdict = HttpsServedJudge.Judge(Make.Handshake(sni));

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain(sni ?? "(empty)");
    }
}
