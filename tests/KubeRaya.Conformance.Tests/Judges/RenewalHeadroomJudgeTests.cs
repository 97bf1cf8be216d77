using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class RenewalHeadroomJudgeTests
{
    [Fact]
    public void More_than_thirty_days_left_passes()
    {
        var verdict = RenewalHeadroomJudge.Judge(Make.Host, Make.Leaf(), Make.Now);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-CERT-04");
        verdict.Observed.Should().Contain("80 days 00:00:00 remain");
    }

    [Fact]
    public void Exactly_thirty_days_left_is_not_more_than_thirty()
    {
        var verdict = RenewalHeadroomJudge.Judge(Make.Host, Make.Leaf() with { NotAfter = Make.Now.AddDays(30) }, Make.Now);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("30 days 00:00:00 remain");
    }

    [Fact]
    public void Ten_days_left_fails_and_a_shorter_window_lets_it_pass()
    {
        var leaf = Make.Leaf() with { NotAfter = Make.Now.AddDays(10) };

        var verdict = RenewalHeadroomJudge.Judge(Make.Host, leaf, Make.Now);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Expected.Should().Contain("more than 30 days");
        verdict.Observed.Should().Contain("10 days 00:00:00 remain");
        RenewalHeadroomJudge.Judge(Make.Host, leaf, Make.Now, windowDays: 7).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public void An_expired_certificate_fails_saying_how_long_ago()
    {
        var verdict = RenewalHeadroomJudge.Judge(Make.Host, Make.Leaf() with { NotAfter = Make.Now.AddHours(-36) }, Make.Now);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("expired 1 days 12:00:00 ago");
    }

    [Fact]
    public void No_certificate_cannot_decide() =>
        RenewalHeadroomJudge.Judge(Make.Host, null, Make.Now).Outcome.Should().Be(Outcome.Error);
}
