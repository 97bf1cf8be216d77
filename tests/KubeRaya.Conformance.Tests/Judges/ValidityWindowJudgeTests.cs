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
