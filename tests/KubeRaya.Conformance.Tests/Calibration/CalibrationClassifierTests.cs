using FluentAssertions;
using KubeRaya.Conformance.Calibration;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Reporting;
using Xunit;

namespace KubeRaya.Conformance.Tests.Calibration;

/// <summary>How one calibration run is judged: caught, missed or overreached.</summary>
public class CalibrationClassifierTests
{
    private static ResultRecord Result(string control, Outcome outcome, string host = "a.kuberaya.test") => new()
    {
        Control = control, Host = host, Outcome = outcome, Expected = "wanted", Observed = "seen", Scenario = "s",
    };

    private static RunSummary Summary(string outcome, params ResultRecord[] results) => new()
    {
        Target = "reference",
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch,
        Outcome = outcome,
        Results = [.. ControlCatalogue.All.Select(c => Result(c.Id, Outcome.Passed, "b.kuberaya.test")), .. results],
    };

    [Fact]
    public void A_fault_is_caught_when_exactly_its_expected_controls_fail()
    {
        var result = CalibrationClassifier.Classify("hsts-off", ["KR-HTTP-02"], Summary("nonconformant", Result("KR-HTTP-02", Outcome.Failed)));

        result.Should().BeEquivalentTo(new CalibrationResult("hsts-off", ["KR-HTTP-02"], ["KR-HTTP-02"], CalibrationVerdict.Caught));
    }

    [Fact]
    public void A_fault_is_missed_when_an_expected_control_passes()
    {
        var result = CalibrationClassifier.Classify("x", ["KR-CERT-03", "KR-CERT-04"], Summary("nonconformant", Result("KR-CERT-03", Outcome.Failed)));

        result.Verdict.Should().Be(CalibrationVerdict.Missed);
        result.Failed.Should().Equal("KR-CERT-03");
    }

    [Fact]
    public void A_fault_is_overreached_when_another_core_control_fails_too()
    {
        var result = CalibrationClassifier.Classify("x", ["KR-HOST-04"], Summary("nonconformant", Result("KR-HOST-04", Outcome.Failed), Result("KR-HOST-01", Outcome.Failed)));

        result.Verdict.Should().Be(CalibrationVerdict.Overreached);
        result.Failed.Should().Equal("KR-HOST-01", "KR-HOST-04");
    }

    [Fact]
    public void An_undecided_control_counts_as_failed_since_it_is_never_a_pass()
    {
        var result = CalibrationClassifier.Classify("x", ["KR-HTTP-02"], Summary("error", Result("KR-HTTP-02", Outcome.Failed), Result("KR-CERT-07", Outcome.Error)));

        result.Verdict.Should().Be(CalibrationVerdict.Overreached);
        result.Failed.Should().Contain("KR-CERT-07");
    }

    [Fact]
    public void A_missed_control_outweighs_an_overreach()
    {
        var result = CalibrationClassifier.Classify("x", ["KR-HTTP-01"], Summary("nonconformant", Result("KR-HTTP-02", Outcome.Failed)));

        result.Verdict.Should().Be(CalibrationVerdict.Missed);
    }

    [Fact]
    public void Extended_controls_and_skipped_results_never_count()
    {
        var result = CalibrationClassifier.Classify("x", ["KR-HTTP-02"], Summary("nonconformant",
            Result("KR-HTTP-02", Outcome.Failed), Result("KR-EXT-03", Outcome.Failed), Result("KR-CERT-07", Outcome.Skipped)));

        result.Verdict.Should().Be(CalibrationVerdict.Caught);
        result.Failed.Should().Equal("KR-HTTP-02");
    }

    [Fact]
    public void The_baseline_is_caught_only_when_conformant()
    {
        CalibrationClassifier.Classify(CalibrationClassifier.Baseline, [], Summary("conformant")).Verdict.Should().Be(CalibrationVerdict.Caught);
        CalibrationClassifier.Classify(CalibrationClassifier.Baseline, [], Summary("nonconformant", Result("KR-TLS-01", Outcome.Failed))).Verdict.Should().Be(CalibrationVerdict.Overreached);
        CalibrationClassifier.Classify(CalibrationClassifier.Baseline, [], Summary("error")).Verdict.Should().Be(CalibrationVerdict.Overreached);
    }

    [Fact]
    public void A_run_that_wrote_no_summary_proves_nothing_and_is_missed()
    {
        CalibrationClassifier.Classify("x", ["KR-HTTP-02"], null).Should().BeEquivalentTo(new CalibrationResult("x", ["KR-HTTP-02"], [], CalibrationVerdict.Missed));
        CalibrationClassifier.Classify(CalibrationClassifier.Baseline, [], null).Verdict.Should().Be(CalibrationVerdict.Missed);
    }
}
