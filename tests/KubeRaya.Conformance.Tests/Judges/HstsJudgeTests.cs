using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class HstsJudgeTests
{
    private static HttpExchangeEvidence Response(params string[] sts) =>
        Make.Exchange(200, headers: sts.Select(v => ("Strict-Transport-Security", v)).ToArray());

    [Theory]
    [InlineData("max-age=31536000; includeSubDomains", 31536000, true, false)]
    [InlineData("max-age=15552000", 15552000, false, false)]
    [InlineData("MAX-AGE=\"31536000\"; INCLUDESUBDOMAINS; preload", 31536000, true, true)]
    [InlineData("  max-age = 31536000 ;; includeSubDomains ;", 31536000, true, false)]
    [InlineData("includeSubDomains; max-age=63072000; foo=\"a;b\"", 63072000, true, false)]
    [InlineData("max-age=99999999999999999999999", long.MaxValue, false, false)]
    [InlineData("max-age=0031536000", 31536000, false, false)]
    public void A_header_parses_per_RFC_6797(string value, long maxAge, bool subDomains, bool preload)
    {
        StrictTransportSecurityPolicy.TryParse(value, out var policy, out var problem).Should().BeTrue(problem);

        policy.Should().Be(new StrictTransportSecurityPolicy(maxAge, subDomains, preload));
    }

    [Theory]
    [InlineData("includeSubDomains", "no max-age directive")]
    [InlineData("max-age", "max-age has no value")]
    [InlineData("max-age=", "has '=' but no value")]
    [InlineData("max-age=-1", "\"-1\" is not a number of seconds")]
    [InlineData("max-age=1e9", "\"1e9\" is not a number of seconds")]
    [InlineData("max-age=\"31536000", "unterminated quoted value")]
    [InlineData("max-age=31536000; max-age=31536000", "max-age appears more than once")]
    [InlineData("max-age=31536000; Max-Age=1", "appears more than once")]
    [InlineData("max-age=31536000, includeSubDomains", "unexpected character ','")]
    [InlineData("max-age=31536000 includeSubDomains", "unexpected character 'i'")]
    public void A_malformed_header_is_rejected_with_the_reason(string value, string problem)
    {
        StrictTransportSecurityPolicy.TryParse(value, out var policy, out var why).Should().BeFalse();

        policy.Should().BeNull();
        why.Should().Contain(problem);
    }

    [Fact]
    public void A_long_enough_max_age_passes()
    {
        var verdict = HstsJudge.Judge(Make.Host, Response("max-age=31536000; includeSubDomains"));

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-HTTP-02");
        verdict.Observed.Should().Contain("max-age 31536000 s = 365 days, includeSubDomains");
    }

    [Fact]
    public void The_minimum_itself_passes_and_one_second_less_fails()
    {
        HstsJudge.Judge(Make.Host, Response("max-age=15552000")).Outcome.Should().Be(Outcome.Passed);
        var verdict = HstsJudge.Judge(Make.Host, Response("max-age=15551999"));
        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("max-age=15551999");
    }

    [Fact]
    public void A_short_max_age_fails_and_a_lower_minimum_accepts_it()
    {
        var verdict = HstsJudge.Judge(Make.Host, Response("max-age=300"));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("max-age 300 s");
        HstsJudge.Judge(Make.Host, Response("max-age=300"), minMaxAge: 300).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public void A_missing_header_fails()
    {
        var verdict = HstsJudge.Judge(Make.Host, Response());

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("status 200 without a Strict-Transport-Security header");
    }

    [Fact]
    public void Two_headers_fail_even_when_both_are_good()
    {
        var verdict = HstsJudge.Judge(Make.Host, Response("max-age=31536000", "max-age=31536000"));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("2 Strict-Transport-Security headers");
    }

    [Fact]
    public void An_invalid_header_fails_naming_the_problem()
    {
        var verdict = HstsJudge.Judge(Make.Host, Response("max-age=31536000; max-age=60"));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("max-age=31536000; max-age=60").And.Contain("appears more than once");
    }

    [Fact]
    public void Plain_HTTP_evidence_or_no_response_cannot_decide()
    {
        HstsJudge.Judge(Make.Host, Make.Exchange(200, "http", headers: ("Strict-Transport-Security", "max-age=31536000"))).Outcome.Should().Be(Outcome.Error);
        HstsJudge.Judge(Make.Host, Make.Exchange(null)).Outcome.Should().Be(Outcome.Error);
    }
}
