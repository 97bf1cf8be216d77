using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes.Browser;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Xunit;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// A browser visit to a server that accepts and never answers ran out of the browser timeout, and Playwright said so
/// with System.TimeoutException, which the probe did not catch: the observation crashed instead of recording a
/// failed navigation. It must end within the browser bound as evidence of a failed navigation, and fail KR-UX-01.
/// </summary>
public sealed class SilentBrowserVisitTests
{
    [Fact]
    public async Task A_visit_to_a_server_that_never_answers_is_a_failed_navigation_within_the_browser_timeout()
    {
        await using var http = RawTcpServer.Silent();
        await using var https = RawTcpServer.Silent();
        var timeouts = new Timeouts { Browser = new NamedTimeout("browser", TimeSpan.FromSeconds(6)) };
        await using var probe = new BrowserProbe(timeouts);
        var screenshot = Path.Combine(Path.GetTempPath(), $"kr-silent-browser-{Guid.NewGuid():N}.png");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        BrowserEvidence evidence;
        try
        {
            evidence = await probe.VisitAsync(
                new BrowserVisit(TestCertificates.AppHost, "127.0.0.1", http.Port, https.Port, [TestCertificates.Shared.Root.Certificate], screenshot),
                CancellationToken.None);
        }
        finally
        {
            File.Delete(screenshot);
        }

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        evidence.ProbeProblem.Should().BeNull();
        evidence.NavigationError.Should().Contain("Timeout");
        var verdict = BrowserJudge.Judge(evidence);
        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("the navigation failed with");
    }

    [Fact]
    public void A_TLS_protocol_error_in_the_browser_is_not_called_a_refused_certificate()
    {
        var evidence = new BrowserEvidence
        {
            Host = "shop.kuberaya.test", Address = "127.0.0.1", HttpPort = 80, HttpsPort = 443, StartUrl = "http://shop.kuberaya.test/",
            NavigationError = "net::ERR_SSL_PROTOCOL_ERROR at https://shop.kuberaya.test/", NetworkErrorCode = "net::ERR_SSL_PROTOCOL_ERROR",
        };

        var verdict = BrowserJudge.Judge(evidence);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().StartWith("the browser's TLS connection failed with net::ERR_SSL_PROTOCOL_ERROR");
    }
}
