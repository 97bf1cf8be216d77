using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class ValidityWindowJudgeTests
{
    [Fact]
    public void A_certificate_within_its_window_passes()
    {
        var verdict = ValidityWindowJudge.Judge(Make.Host, Make.Leaf(), Make.Now);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-CERT-03");
        verdict.Observed.Should().Contain("notAfter 2026-05-20 12:00:00Z");
    }

    [Fact]
    public void Both_ends_of_the_window_are_inside_it()
    {
        var leaf = Make.Leaf() with { NotBefore = Make.Now, NotAfter = Make.Now };

        ValidityWindowJudge.Judge(Make.Host, leaf, Make.Now).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public void An_expired_certificate_fails_naming_notAfter()
    {
        var leaf = Make.Leaf() with { NotAfter = Make.Now.AddSeconds(-1) };

        var verdict = ValidityWindowJudge.Judge(Make.Host, leaf, Make.Now);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("expired").And.Contain("notAfter 2026-03-01 11:59:59Z");
    }

    [Fact]
    public void A_certificate_not_yet_valid_fails_naming_notBefore()
    {
        var leaf = Make.Leaf() with { NotBefore = Make.Now.AddDays(2) };

        var verdict = ValidityWindowJudge.Judge(Make.Host, leaf, Make.Now);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("not yet valid").And.Contain("notBefore 2026-03-03 12:00:00Z").And.Contain("2 days 00:00:00 in the future");
    }

    [Fact]
    public void No_certificate_cannot_decide() =>
        ValidityWindowJudge.Judge(Make.Host, null, Make.Now).Outcome.Should().Be(Outcome.Error);
}

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
