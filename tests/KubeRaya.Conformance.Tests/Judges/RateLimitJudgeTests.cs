using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class RateLimitJudgeTests
{
    private static List<HttpExchangeEvidence> Burst(int ok, int limited, int limitedStatus = 429) =>
        Enumerable.Repeat(Make.Exchange(200), ok).Concat(Enumerable.Repeat(Make.Exchange(limitedStatus), limited)).ToList();

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void A_burst_limited_after_the_first_requests_passes(int status)
    {
        var verdict = RateLimitJudge.Judge(Make.Host, Burst(10, 5, status), limit: 10);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-EXT-04");
        verdict.Observed.Should().Contain($"request 11 got {status} (200×10, {status}×5)");
    }

    [Fact]
    public void A_burst_never_limited_is_unsupported_not_failed()
    {
        var verdict = RateLimitJudge.Judge(Make.Host, Burst(30, 0), limit: 10);

        verdict.Outcome.Should().Be(Outcome.Skipped);
        verdict.Observed.Should().Be("unsupported: no request was limited (200×30)");
    }

    [Fact]
    public void A_burst_failing_from_the_start_is_an_outage_not_a_limit()
    {
        var verdict = RateLimitJudge.Judge(Make.Host, Burst(0, 20, 503), limit: 10);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("the first request got 503");
    }

    [Fact]
    public void A_burst_within_the_limit_cannot_decide()
    {
        var verdict = RateLimitJudge.Judge(Make.Host, Burst(10, 0), limit: 10);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("burst of 10 requests does not exceed the limit");
    }
}
