using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes.Browser;
using Xunit;

namespace KubeRaya.Conformance.Tests.Browser;

/// <summary>One probe (one Playwright driver) for every test of the class, as a run would use it.</summary>
public sealed class SharedBrowserProbe : IAsyncLifetime
{
    public BrowserProbe Probe { get; } = new(new Timeouts());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Probe.DisposeAsync().AsTask();
}

public sealed class BrowserProbeTests(SharedBrowserProbe shared) : IClassFixture<SharedBrowserProbe>, IDisposable
{
    private const string Host = "shop.kuberaya.test";
    private readonly string _evidence = Directory.CreateTempSubdirectory("kr-browser-test-").FullName;
    private readonly TestAuthority _runCa = new("KubeRaya run CA");

    /// <summary>Both browsers the probe can drive: the headless shell it prefers and the full browser it falls back to.
    /// Each must be as hard to fool as the other.</summary>
    public static TheoryData<string> Browsers => new() { BrowserProbe.HeadlessShellPath, BrowserProbe.FullChromiumPath };

    [Theory]
    [MemberData(nameof(Browsers))]
    public async Task A_browser_trusting_the_run_CA_ends_on_https_for_the_same_host(string chromium)
    {
        using var certificate = _runCa.IssueServer(Host);
        await using var site = await LocalSite.StartAsync(certificate);

        var evidence = await Visit(site, _runCa, chromium);

        evidence.Browser.Should().StartWith(Path.GetFileName(chromium) + " ", "the evidence names the browser that made the visit");
        evidence.ScreenshotUrl.Should().Be(evidence.FinalUrl);
        evidence.NavigationError.Should().BeNull(Describe(evidence));
        evidence.FinalUrl.Should().Be($"https://{Host}:{site.HttpsPort}/");
        evidence.Status.Should().Be(200);
        evidence.Hops.Select(h => h.Status).Should().Equal(308, 200);
        File.Exists(Path.Combine(_evidence, evidence.Screenshot!)).Should().BeTrue();
        File.ReadAllBytes(Path.Combine(_evidence, evidence.Screenshot!)).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        BrowserJudge.Judge(evidence).Outcome.Should().Be(Outcome.Passed);
    }

    [Theory]
    [MemberData(nameof(Browsers))]
    public async Task A_browser_trusting_an_unrelated_CA_records_a_certificate_error_and_fails(string chromium)
    {
        using var certificate = _runCa.IssueServer(Host);
        await using var site = await LocalSite.StartAsync(certificate);
        using var unrelated = new TestAuthority("Unrelated CA");

        var evidence = await Visit(site, unrelated, chromium);

        evidence.CertificateError.Should().BeTrue(Describe(evidence));
        evidence.NetworkErrorCode.Should().StartWith("net::ERR_CERT_");
        var verdict = BrowserJudge.Judge(evidence);
        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain(evidence.NetworkErrorCode);
    }

    [Theory]
    [MemberData(nameof(Browsers))]
    public async Task A_site_whose_http_port_does_not_redirect_fails(string chromium)
    {
        using var certificate = _runCa.IssueServer(Host);
        await using var site = await LocalSite.StartAsync(certificate, redirect: false);

        var evidence = await Visit(site, _runCa, chromium);

        evidence.FinalUrl.Should().Be($"http://{Host}:{site.HttpPort}/", Describe(evidence));
        evidence.Status.Should().Be(200);
        var verdict = BrowserJudge.Judge(evidence);
        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"http://{Host}:{site.HttpPort}/").And.Contain("not upgraded to HTTPS");
    }

    [Fact]
    public async Task A_page_that_moves_itself_to_https_after_loading_is_followed_and_the_screenshot_shows_where_the_visit_ended()
    {
        using var certificate = _runCa.IssueServer(Host);
        await using var site = await LocalSite.StartAsync(certificate, scriptRedirectAfter: TimeSpan.FromMilliseconds(300));

        var evidence = await Visit(site, _runCa, BrowserProbe.DefaultChromiumPath);

        evidence.FinalUrl.Should().Be($"https://{Host}:{site.HttpsPort}/", Describe(evidence));
        evidence.ScreenshotUrl.Should().Be(evidence.FinalUrl, "the visit waits for the page to settle before the screenshot is taken");
        evidence.Hops.Select(h => h.Status).Should().Equal([200], "the last navigation's own chain: the https page, reached by script");
        BrowserJudge.Judge(evidence).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public async Task A_site_that_accepts_the_connection_and_never_answers_is_a_failed_navigation_not_an_exception()
    {
        await using var silent = Probes.Servers.RawTcpServer.Silent();
        await using var probe = new BrowserProbe(new Timeouts { Browser = new NamedTimeout("browser", TimeSpan.FromSeconds(8)) });
        var visit = new BrowserVisit(Host, "127.0.0.1", silent.Port, silent.Port, [_runCa.PublicCertificate], Path.Combine(_evidence, "KR-UX-01-silent.png"));

        var evidence = await probe.VisitAsync(visit, CancellationToken.None);

        evidence.NavigationError.Should().Contain("Timeout", Describe(evidence));
        evidence.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the whole visit is bounded by the browser timeout");
        BrowserJudge.Judge(evidence).Outcome.Should().Be(Outcome.Failed);
    }

    [Fact]
    public async Task One_browser_visits_several_hosts_and_each_ends_on_its_own_https_page()
    {
        string[] hosts = ["a.kuberaya.test", "b.kuberaya.test", "c.kuberaya.test", Host];
        using var certificate = _runCa.IssueServer(hosts);
        await using var site = await LocalSite.StartAsync(certificate);

        var evidence = await shared.Probe.VisitAllAsync(hosts.Select(h => VisitOf(h, site)).ToList(), CancellationToken.None);

        evidence.Select(e => e.Host).Should().Equal(hosts);
        evidence.Select(e => e.FinalUrl).Should().Equal(hosts.Select(h => $"https://{h}:{site.HttpsPort}/"), string.Join("\n", evidence.Select(Describe)));
        evidence.Should().OnlyContain(e => e.Status == 200 && e.NavigationError == null && e.Screenshot != null);
        evidence.Select(e => BrowserJudge.Judge(e).Outcome).Should().OnlyContain(o => o == Outcome.Passed);
    }

    [Theory]
    [MemberData(nameof(Browsers))]
    public async Task Visits_in_one_browser_share_no_HSTS_state_so_one_host_cannot_upgrade_another_hosts_visit(string chromium)
    {
        // kuberaya.test sends HSTS with includeSubDomains; its subdomain shop.kuberaya.test serves its page over plain
        // HTTP. Had the second visit inherited the first one's HSTS state, the browser would have upgraded it to https
        // by itself and hidden that the server does not redirect.
        const string parent = "kuberaya.test";
        using var certificate = _runCa.IssueServer(parent, Host);
        await using var site = await LocalSite.StartAsync(certificate, hsts: "max-age=31536000; includeSubDomains", hostWithoutRedirect: Host);
        await using var oneAtATime = new BrowserProbe(new Timeouts(), chromium, concurrentVisits: 1);

        var evidence = await oneAtATime.VisitAllAsync([VisitOf(parent, site), VisitOf(Host, site)], CancellationToken.None);

        evidence[0].FinalUrl.Should().Be($"https://{parent}:{site.HttpsPort}/", Describe(evidence[0]));
        evidence[1].FinalUrl.Should().Be($"http://{Host}:{site.HttpPort}/", Describe(evidence[1]));
        evidence[1].Hops.Select(h => h.Status).Should().Equal([200], "the plain-HTTP request reached the server, unupgraded");
        BrowserJudge.Judge(evidence[1]).Outcome.Should().Be(Outcome.Failed);
    }

    [Fact]
    public async Task Visits_that_trust_different_CAs_cannot_share_a_browser()
    {
        using var other = new TestAuthority("Other CA");
        var visit = new BrowserVisit(Host, "127.0.0.1", 8080, 8443, [_runCa.PublicCertificate], "x.png");

        var mixing = () => shared.Probe.VisitAllAsync([visit, visit with { Host = "a.kuberaya.test", TrustedCas = [other.PublicCertificate] }], CancellationToken.None);

        await mixing.Should().ThrowAsync<ArgumentException>().WithMessage("*same CA certificates*");
    }

    [Fact]
    public void Several_visits_map_each_host_to_its_address_and_only_those_hosts_bypass_the_dead_proxy()
    {
        var visit = new BrowserVisit(Host, "127.0.0.1", 8080, 8443, [], "x.png");

        var arguments = BrowserProbe.ArgumentsFor([visit, visit with { Host = "a.kuberaya.test", Address = "::1" }, visit]);

        arguments.Should().Contain("--host-resolver-rules=MAP shop.kuberaya.test 127.0.0.1,MAP a.kuberaya.test [::1],MAP * ~NOTFOUND")
            .And.Contain("--proxy-bypass-list=shop.kuberaya.test;a.kuberaya.test");
    }

    private BrowserVisit VisitOf(string host, LocalSite site) =>
        new(host, "127.0.0.1", site.HttpPort, site.HttpsPort, [_runCa.PublicCertificate], Path.Combine(_evidence, $"KR-UX-01-{host}.png"));

    private async Task<Evidence.BrowserEvidence> Visit(LocalSite site, TestAuthority trusted, string chromium)
    {
        var visit = new BrowserVisit(Host, "127.0.0.1", site.HttpPort, site.HttpsPort, [trusted.PublicCertificate], Path.Combine(_evidence, "KR-UX-01-shop.png"));
        if (chromium == BrowserProbe.DefaultChromiumPath) return await shared.Probe.VisitAsync(visit, CancellationToken.None);
        await using var probe = new BrowserProbe(new Timeouts(), chromium);
        return await probe.VisitAsync(visit, CancellationToken.None);
    }

    private static string Describe(Evidence.BrowserEvidence evidence) =>
        "the browser saw " + System.Text.Json.JsonSerializer.Serialize(evidence, Runs.RunConfiguration.JsonOptions);

    public void Dispose()
    {
        _runCa.Dispose();
        Directory.Delete(_evidence, recursive: true);
    }
}
