using FluentAssertions;
using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Reporting;
using Xunit;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>The summary of an interrupted run: an error whatever was decided, each undecided control saying why.</summary>
public sealed class InterruptedSummaryTests
{
    private static RunSummary Partial() => SummaryBuilder.Build(
        "reference", ControlModes.Endpoint | ControlModes.Deploy, [],
        [
            new ResultRecord { Control = "KR-TLS-01", Host = "a.example.test", Outcome = Outcome.Passed, Expected = "e", Observed = "handshake completed" },
            new ResultRecord { Control = "KR-TLS-03", Host = "a.example.test", Outcome = Outcome.Failed, Expected = "e", Observed = "TLS1.0 accepted" },
        ],
        null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new Dictionary<string, string>(), testDouble: true);

    [Fact]
    public void An_interrupted_run_is_an_error_even_when_a_control_already_failed()
    {
        var summary = RunCommand.InterruptedSummary(Partial(), "interrupted by SIGTERM", "by SIGTERM after 5.0 s");

        summary.Outcome.Should().Be("error");
        summary.Environment["interrupted"].Should().Be("by SIGTERM after 5.0 s");
    }

    [Fact]
    public void Decided_controls_keep_their_verdicts_and_undecided_ones_say_the_run_was_interrupted()
    {
        var summary = RunCommand.InterruptedSummary(Partial(), "interrupted by SIGTERM", "by SIGTERM after 5.0 s");

        summary.Results.Single(r => r.Control == "KR-TLS-01").Should().Match<ResultRecord>(r => r.Outcome == Outcome.Passed && r.Observed == "handshake completed");
        summary.Results.Single(r => r.Control == "KR-TLS-03").Outcome.Should().Be(Outcome.Failed);
        summary.Results.Single(r => r.Control == "KR-CERT-01").Should().Match<ResultRecord>(r => r.Outcome == Outcome.Error && r.Observed == "interrupted by SIGTERM");
    }
}
