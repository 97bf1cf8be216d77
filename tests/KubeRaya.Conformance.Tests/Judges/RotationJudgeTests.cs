using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class RotationJudgeTests
{
    private static readonly RotationEvidence Smooth = new()
    {
        Host = Make.Host,
        OldFingerprint = Make.Fp('A'),
        NewFingerprint = Make.Fp('B'),
        NewServedAfter = TimeSpan.FromSeconds(4.2),
        ObservedFor = TimeSpan.FromSeconds(10),
        ProbeCount = 50,
    };

    [Fact]
    public void A_quick_rotation_without_failed_requests_passes()
    {
        var verdict = RotationJudge.Judge(Make.Host, Smooth);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-CERT-07");
        verdict.Observed.Should().Contain("served after 4.2 s; 50 probe requests, 0 failed");
    }

    [Fact]
    public void A_new_certificate_served_too_late_fails()
    {
        var verdict = RotationJudge.Judge(Make.Host, Smooth with { NewServedAfter = TimeSpan.FromSeconds(75), ObservedFor = TimeSpan.FromSeconds(80) });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("served only after 75.0 s");
    }

    [Fact]
    public void A_new_certificate_never_served_fails_after_watching_long_enough()
    {
        var verdict = RotationJudge.Judge(Make.Host, Smooth with { NewServedAfter = null, ObservedFor = TimeSpan.FromSeconds(61) });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("not served in 61.0 s of watching");
    }

    [Fact]
    public void Watching_too_briefly_cannot_decide()
    {
        var verdict = RotationJudge.Judge(Make.Host, Smooth with { NewServedAfter = null, ObservedFor = TimeSpan.FromSeconds(20) });

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("watched only 20.0 s");
    }

    [Fact]
    public void A_request_refused_gracefully_and_answered_on_a_new_connection_passes_and_is_reported()
    {
        var refused = new RotationProbeFailure(TimeSpan.FromSeconds(0.3), "the server sent HTTP/2 GOAWAY (NO_ERROR, last stream 0) before processing the request on stream 1");

        var verdict = RotationJudge.Judge(Make.Host, Smooth with { RefusedAndSentAgain = [refused] });

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Observed.Should().Contain("1 refused gracefully before processing and sent once more on a new connection").And.Contain("at 0.3 s: the server sent HTTP/2 GOAWAY");
    }

    [Fact]
    public void A_request_refused_gracefully_whose_second_attempt_failed_too_fails()
    {
        var refused = new RotationProbeFailure(TimeSpan.FromSeconds(0.3), "the server sent HTTP/2 GOAWAY (NO_ERROR, last stream 0) before processing the request on stream 1");
        var failed = new RotationProbeFailure(TimeSpan.FromSeconds(0.3), "connection refused (this was the request sent again after the server sent HTTP/2 GOAWAY)");

        var verdict = RotationJudge.Judge(Make.Host, Smooth with { RefusedAndSentAgain = [refused], Failures = [failed] });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("1 of 50 probe requests failed");
    }

    [Fact]
    public void Failed_requests_during_the_change_fail_with_their_reasons()
    {
        var verdict = RotationJudge.Judge(Make.Host, Smooth with { Failures = [new(TimeSpan.FromSeconds(3.5), "connection reset"), new(TimeSpan.FromSeconds(3.7), "status 502")] });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("2 of 50 probe requests failed (at 3.5 s: connection reset; at 3.7 s: status 502)");
    }

    [Fact]
    public void A_sparse_probe_or_a_rotation_to_the_same_certificate_cannot_decide()
    {
        RotationJudge.Judge(Make.Host, Smooth with { ProbeCount = 2 }).Observed.Should().Contain("2 probe requests with 0 failures is not a continuous probe");
        RotationJudge.Judge(Make.Host, Smooth with { ProbeCount = 2 }).Outcome.Should().Be(Outcome.Error);
        RotationJudge.Judge(Make.Host, Smooth with { NewFingerprint = Make.Fp('A') }).Outcome.Should().Be(Outcome.Error);
    }

    [Fact]
    public void The_limit_can_be_narrowed()
    {
        var verdict = RotationJudge.Judge(Make.Host, Smooth, limit: TimeSpan.FromSeconds(2));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Expected.Should().Contain("within 2.0 s");
    }
}
