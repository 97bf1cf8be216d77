using FluentAssertions;
using KubeRaya.Conformance.Controls;
using Xunit;

namespace KubeRaya.Conformance.Tests.Reporting;

public sealed class ReportPageTests(RenderedReport report) : IClassFixture<RenderedReport>
{
    [Fact]
    public void The_summary_shows_the_target_the_outcome_the_counts_and_the_environment()
    {
        report.Text.Should().Contain("Outcome: nonconformant").And.Contain("reference");
        report.Text.Should().Contain("nginx 1.22.1 (reference rendering)");
        var summary = report.Run.Summary;
        report.Text.Should().Contain($"all results\tnonconformant\t{Count(Outcome.Passed)}\t{Count(Outcome.Failed)}\t{Count(Outcome.Skipped)}\t{Count(Outcome.Error)}\t{summary.Results.Count}");
        report.Text.Should().Contain("core\tnonconformant").And.Contain("extended\t0 of 4 extended controls supported");

        int Count(Outcome outcome) => summary.Results.Count(r => r.Outcome == outcome);
    }

    [Fact]
    public void A_run_on_a_test_double_says_plainly_that_it_claims_no_conformance()
    {
        report.BannerVisible.Should().BeTrue();
        report.Text.Should().Contain("test double").And.Contain("not a Kubernetes cluster")
            .And.Contain("Conformance of KubeRaya is claimed only from runs on real clusters");
    }

    [Fact]
    public void The_matrix_has_a_row_for_every_control_and_a_column_for_every_host()
    {
        report.MatrixHosts.Should().Equal(SampleRun.Blog, SampleRun.Shop);
        report.MatrixRows.Should().BeEquivalentTo(ControlCatalogue.All.Select(c => c.Id));
    }

    [Fact]
    public void Every_control_has_a_section_with_its_title_and_guidance()
    {
        foreach (var control in ControlCatalogue.All)
        {
            report.SectionIds.Should().Contain($"control-{control.Id}");
            report.Text.Should().Contain($"{control.Id}: {control.Title}").And.Contain(control.Guidance);
        }
    }

    [Fact]
    public void Failures_come_first_in_the_matrix_and_in_the_sections()
    {
        var failed = report.Run.Summary.Results.Where(r => r.Outcome == Outcome.Failed).Select(r => r.Control).Distinct().ToList();
        report.MatrixRows.Take(failed.Count).Should().BeEquivalentTo(failed);
        report.SectionIds.Take(failed.Count).Should().BeEquivalentTo(failed.Select(id => $"control-{id}"));
    }

    [Fact]
    public void A_reader_of_the_report_alone_can_tell_why_each_failure_failed()
    {
        var failures = report.Run.Summary.Results.Where(r => r.Outcome == Outcome.Failed).ToList();
        failures.Should().HaveCount(3);
        foreach (var failure in failures)
            report.Text.Should().Contain(failure.Observed).And.Contain(failure.Expected);
        report.Text.Should().Contain("Observed (why it failed)");
    }

    [Fact]
    public void The_scenario_text_that_ran_is_shown_with_its_steps()
    {
        report.Text.Should().Contain("Scenario: Plain HTTP is redirected permanently to HTTPS")
            .And.Contain("When a client sends GET http://<host>/a/b?c=d without following redirects")
            .And.Contain("Given the run's public hosts")
            .And.Contain("| blog |");
        report.Text.Should().Contain("HTTP/2 is offered (its text was not found in the features directory)");
    }

    [Fact]
    public void The_certificate_evidence_shows_what_an_auditor_checks()
    {
        var leaf = report.Run.Leaf;
        report.Text.Should().Contain(leaf.Subject).And.Contain(leaf.Issuer).And.Contain($"DNS:{SampleRun.Shop}")
            .And.Contain("ECDSA").And.Contain("EC 256 bits").And.Contain("serverAuth (1.3.6.1.5.5.7.3.1)")
            .And.Contain(string.Join(':', Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(leaf.RawData)).Chunk(2).Select(c => new string(c))))
            .And.Contain("Tls13").And.Contain("TLS_AES_128_GCM_SHA256").And.Contain("http/1.1");
    }

    [Fact]
    public void The_screenshot_is_embedded_and_renders()
    {
        report.Images.Should().ContainSingle().Which.Should().Be((64, true));
        report.Text.Should().Contain("chromium 156.0.8078.108").And.Contain($"https://{SampleRun.Shop}:8443/");
    }

    [Fact]
    public void Headers_and_bodies_from_the_wire_are_shown_as_text_and_never_run()
    {
        report.Text.Should().Contain(SampleRun.HostileHeader).And.Contain(SampleRun.HostileBody);
        report.Scripts.Should().Be(0);
        report.Pwned.Should().BeNull();
        report.Title.Should().StartWith("KubeRaya conformance report");
    }

    [Fact]
    public void The_page_loads_nothing_but_itself_and_its_embedded_images()
    {
        report.Requests.Should().NotBeEmpty().And.OnlyContain(url => url.StartsWith("file://", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal));
        report.Requests.Count(url => url.StartsWith("file://", StringComparison.Ordinal)).Should().Be(1);
    }
}
