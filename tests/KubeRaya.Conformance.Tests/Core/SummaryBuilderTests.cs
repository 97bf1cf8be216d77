using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Reporting;
using Xunit;

namespace KubeRaya.Conformance.Tests.Core;

public class SummaryBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static ResultRecord Result(string control, string host, Outcome outcome, string observed = "seen") => new()
    {
        Control = control, Host = host, Outcome = outcome, Expected = "wanted", Observed = observed, Scenario = "s",
    };

    private static RunSummary Build(IReadOnlyList<ResultRecord> records, ControlModes modes = ControlModes.Endpoint, params string[] hosts) =>
        SummaryBuilder.Build("endpoint", modes, hosts, records, null, Start, Start.AddSeconds(3), new Dictionary<string, string>(), false);

    private static List<ResultRecord> AllEndpointControlsPassedOn(params string[] hosts) =>
        ControlCatalogue.InMode(ControlModes.Endpoint).SelectMany(c => hosts.Select(h => Result(c.Id, h, Outcome.Passed))).ToList();

    [Fact]
    public void A_run_where_every_endpoint_control_passed_is_conformant_and_deploy_only_controls_are_skipped_with_a_reason()
    {
        var summary = Build(AllEndpointControlsPassedOn("a.example.test", "b.example.test"), ControlModes.Endpoint, "a.example.test", "b.example.test");

        summary.Outcome.Should().Be("conformant");
        summary.Results.Should().HaveCount(ControlCatalogue.All.Count * 2, "one result per control per host");
        summary.Results.Where(r => r.Control == "KR-PRIV-02").Should().OnlyContain(r => r.Outcome == Outcome.Skipped && r.Observed.Contains("not applicable"));
    }

    [Fact]
    public void One_failed_core_control_makes_the_run_nonconformant()
    {
        var records = AllEndpointControlsPassedOn("a.example.test");
        records.Add(Result("KR-HTTP-02", "a.example.test", Outcome.Failed, "no Strict-Transport-Security header"));

        var summary = Build(records, ControlModes.Endpoint, "a.example.test");

        summary.Outcome.Should().Be("nonconformant");
        summary.Results.Single(r => r.Control == "KR-HTTP-02").Observed.Should().Contain("no Strict-Transport-Security header");
    }

    [Fact]
    public void A_failed_extended_control_never_fails_the_run()
    {
        var records = AllEndpointControlsPassedOn("a.example.test").Where(r => r.Control != "KR-EXT-02").ToList();
        records.Add(Result("KR-EXT-02", "a.example.test", Outcome.Failed));

        Build(records, ControlModes.Endpoint, "a.example.test").Outcome.Should().Be("conformant");
    }

    [Fact]
    public void A_control_no_scenario_decided_is_an_error_never_a_pass()
    {
        var records = AllEndpointControlsPassedOn("a.example.test").Where(r => r.Control != "KR-TLS-03").ToList();

        var summary = Build(records, ControlModes.Endpoint, "a.example.test");

        summary.Outcome.Should().Be("error");
        summary.Results.Single(r => r.Control == "KR-TLS-03").Outcome.Should().Be(Outcome.Error);
    }

    [Fact]
    public void A_host_missing_from_the_results_is_an_error_for_that_host()
    {
        var records = AllEndpointControlsPassedOn("a.example.test");

        var summary = Build(records, ControlModes.Endpoint, "a.example.test", "b.example.test");

        summary.Results.Where(r => r.Host == "b.example.test" && ControlCatalogue.Get(r.Control).Modes.HasFlag(ControlModes.Endpoint))
            .Should().OnlyContain(r => r.Outcome == Outcome.Error);
    }

    [Fact]
    public void Two_scenarios_judging_one_control_on_one_host_give_one_result_and_the_worst_outcome_stands()
    {
        var records = AllEndpointControlsPassedOn("a.example.test");
        records.Add(Result("KR-HOST-01", "a.example.test", Outcome.Failed, "unrouted Host got 200"));

        var summary = Build(records, ControlModes.Endpoint, "a.example.test");

        var host01 = summary.Results.Where(r => r.Control == "KR-HOST-01").Should().ContainSingle().Subject;
        host01.Outcome.Should().Be(Outcome.Failed);
        host01.Observed.Should().Be("unrouted Host got 200");
    }

    [Fact]
    public void Failure_outranks_error_in_the_run_outcome()
    {
        SummaryBuilder.OutcomeOf([Result("KR-TLS-01", "a", Outcome.Error), Result("KR-TLS-03", "a", Outcome.Failed)])
            .Should().Be(RunOutcome.Nonconformant);
    }
}
