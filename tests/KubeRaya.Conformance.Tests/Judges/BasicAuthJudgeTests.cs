using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class BasicAuthJudgeTests
{
    private static readonly KubeRaya.Conformance.Evidence.HttpExchangeEvidence Challenge =
        Make.Exchange(401, headers: ("WWW-Authenticate", "Basic realm=\"Authentication Required\""));

    [Fact]
    public void A_401_challenge_and_a_200_with_credentials_pass()
    {
        var verdict = BasicAuthJudge.Judge(Make.Host, Challenge, Make.Exchange(200, body: Make.EchoBody()));

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-EXT-03");
        verdict.Observed.Should().Contain("without credentials 401; with credentials 200");
    }

    [Fact]
    public void An_application_served_without_credentials_is_unsupported_not_failed()
    {
        var verdict = BasicAuthJudge.Judge(Make.Host, Make.Exchange(200), Make.Exchange(200));

        verdict.Outcome.Should().Be(Outcome.Skipped);
        verdict.Observed.Should().StartWith("unsupported: ").And.Contain("without credentials 200");
    }

    [Fact]
    public void Valid_credentials_refused_fail()
    {
        var verdict = BasicAuthJudge.Judge(Make.Host, Challenge, Challenge);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("with valid credentials 401, not 200");
    }

    [Fact]
    public void A_401_without_a_Basic_challenge_fails()
    {
        var verdict = BasicAuthJudge.Judge(Make.Host, Make.Exchange(401, headers: ("WWW-Authenticate", "Bearer")), Make.Exchange(200));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("WWW-Authenticate [Bearer]");
    }

    [Fact]
    public void Another_refusal_than_401_fails()
    {
        var verdict = BasicAuthJudge.Judge(Make.Host, Make.Exchange(403), Make.Exchange(200));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("without credentials 403, not 401");
    }

    [Fact]
    public void No_response_cannot_decide() =>
        BasicAuthJudge.Judge(Make.Host, Challenge, Make.Exchange(null)).Outcome.Should().Be(Outcome.Error);
}
