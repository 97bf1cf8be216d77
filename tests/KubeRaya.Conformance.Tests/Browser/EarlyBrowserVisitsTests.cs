using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Checks;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Runs;
using KubeRaya.Conformance.Targets;
using Xunit;

namespace KubeRaya.Conformance.Tests.Browser;

public sealed class EarlyBrowserVisitsTests : IDisposable
{
    private static readonly string[] Hosts = ["shop.kuberaya.test", "blog.kuberaya.test"];
    private readonly string _report = Directory.CreateTempSubdirectory("kr-early-visits-").FullName;
    private readonly TestAuthority _runCa = new("KubeRaya run CA");

    [Fact]
    public void Visits_begin_early_only_in_a_run_without_a_cluster_that_selected_the_browsers_scenario()
    {
        var endpoint = new RunConfiguration { RunId = "kr-test", Target = "endpoint", ReportDirectory = _report, ScenarioControls = ["KR-CERT-01", BrowserJudge.ControlId] };

        ConformanceRun.BeginsBrowserVisitsEarly(endpoint).Should().BeTrue();
        ConformanceRun.BeginsBrowserVisitsEarly(endpoint with { ScenarioControls = ["KR-CERT-01"] }).Should().BeFalse("the browser's scenario does not run");
        ConformanceRun.BeginsBrowserVisitsEarly(endpoint with { ScenarioControls = null }).Should().BeFalse("nobody said which scenarios run");
        ConformanceRun.BeginsBrowserVisitsEarly(endpoint with { Target = "reference", Kubeconfig = "/tmp/kubeconfig" }).Should().BeFalse("deploy-mode scenarios reload the ingress");
    }

    [Fact]
    public async Task Visits_begun_early_keep_their_screenshots_write_no_evidence_until_asked_and_are_the_ones_then_judged()
    {
        using var certificate = _runCa.IssueServer(Hosts);
        await using var site = await LocalSite.StartAsync(certificate);
        await using var observatory = ObservatoryOf(site);

        observatory.BeginBrowserVisits();
        var shots = await BoundedPoll.UntilAsync(
            _ => Task.FromResult(Files("*-browser.png").Length), n => n == Hosts.Length, new NamedTimeout("test: early screenshots", TimeSpan.FromSeconds(60)), CancellationToken.None);

        shots.Satisfied.Should().BeTrue("both hosts were visited without any scenario asking (last count {0})", shots.Last);
        Files("*-browser.json").Should().BeEmpty("what the browser saw is written as evidence only when a scenario asks for it");
        var observations = await Task.WhenAll(Hosts.Select(observatory.BrowserAsync));
        observations.Select(o => o.Evidence.FinalUrl).Should().Equal(Hosts.Select(h => $"https://{h}:{site.HttpsPort}/"));
        observations.Select(o => BrowserJudge.Judge(o.Evidence).Outcome).Should().OnlyContain(o => o == Outcome.Passed);
        Files("*-browser.json").Should().HaveCount(Hosts.Length);
        Files("*-browser.png").Should().HaveCount(Hosts.Length, "the scenario got the visits already made and made none again");
    }

    [Fact]
    public async Task A_run_ended_while_visits_begun_early_are_under_way_waits_for_them_and_raises_nothing()
    {
        using var certificate = _runCa.IssueServer(Hosts);
        await using var site = await LocalSite.StartAsync(certificate);
        using var run = new CancellationTokenSource();
        var observatory = ObservatoryOf(site, run.Token);

        observatory.BeginBrowserVisits();
        await run.CancelAsync();
        var disposing = async () => await observatory.DisposeAsync();

        await disposing.Should().CompleteWithinAsync(TimeSpan.FromSeconds(45), "ending the run is bounded by the browser timeout");
        await disposing.Should().NotThrowAsync("disposing twice is harmless");
    }

    private Observatory ObservatoryOf(LocalSite site, CancellationToken runToken = default)
    {
        var bundlePath = Path.Combine(_report, "ca.pem");
        File.WriteAllText(bundlePath, _runCa.PublicCertificate.ExportCertificatePem());
        var endpoints = new PublicEndpoints("127.0.0.1", site.HttpPort, site.HttpsPort, Hosts, [_runCa.PublicCertificate], bundlePath);
        return new Observatory(endpoints, new Timeouts(), new EvidenceFiles(Path.Combine(_report, "report")), runToken);
    }

    private string[] Files(string pattern)
    {
        var folder = Path.Combine(_report, "report", "evidence", "hosts");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, pattern) : [];
    }

    public void Dispose()
    {
        _runCa.Dispose();
        Directory.Delete(_report, recursive: true);
    }
}
