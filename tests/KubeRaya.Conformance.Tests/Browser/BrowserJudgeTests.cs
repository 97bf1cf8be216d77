using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using KubeRaya.Conformance.Probes.Browser;
using Xunit;

namespace KubeRaya.Conformance.Tests.Browser;

public sealed class BrowserJudgeTests
{
    private static readonly BrowserEvidence Secure = new()
    {
        Host = "shop.kuberaya.test",
        Address = "127.0.0.1",
        HttpPort = 80,
        HttpsPort = 443,
        StartUrl = "http://shop.kuberaya.test/",
        FinalUrl = "https://shop.kuberaya.test/",
        Status = 200,
        Hops = [new BrowserHop("http://shop.kuberaya.test/", 308, "https://shop.kuberaya.test/"), new BrowserHop("https://shop.kuberaya.test/", 200, null)],
        Screenshot = "shop.png",
    };

    [Fact]
    public void Ending_on_https_for_the_same_host_without_a_certificate_error_passes()
    {
        var verdict = BrowserJudge.Judge(Secure, "evidence/KR-UX-01/shop.json");

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-UX-01");
        verdict.Evidence.Should().Be("evidence/KR-UX-01/shop.json");
        verdict.Expected.Should().Contain("ends on https://shop.kuberaya.test/");
    }

    [Theory]
    [InlineData("https://evil.kuberaya.test/", "a different host")]
    [InlineData("https://shop.kuberaya.test:8443/", "port 8443 instead of the HTTPS port under test 443")]
    [InlineData("http://shop.kuberaya.test/", "not upgraded to HTTPS")]
    public void Ending_anywhere_else_fails_naming_where_it_ended(string final, string reason)
    {
        var verdict = BrowserJudge.Judge(Secure with { FinalUrl = final });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain(final).And.Contain(reason);
    }

    [Fact]
    public void A_certificate_error_fails_even_when_the_url_looks_right()
    {
        var verdict = BrowserJudge.Judge(Secure with
        {
            NavigationError = "net::ERR_CERT_DATE_INVALID at https://shop.kuberaya.test/",
            NetworkErrorCode = "net::ERR_CERT_DATE_INVALID",
        });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("refused the certificate with net::ERR_CERT_DATE_INVALID");
    }

    [Fact]
    public void A_browser_that_could_not_run_decides_nothing()
    {
        var verdict = BrowserJudge.Judge(Secure with { ProbeProblem = "Chromium was not found", FinalUrl = null });

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("Chromium was not found");
    }

    [Fact]
    public void The_host_is_mapped_with_one_unquoted_argument_and_other_names_resolve_nowhere()
    {
        var arguments = BrowserProbe.ArgumentsFor(new BrowserVisit("shop.kuberaya.test", "127.0.0.1", 8080, 8443, [], "x.png"));

        arguments.Where(a => a.StartsWith("--host-resolver-rules=", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Be("--host-resolver-rules=MAP shop.kuberaya.test 127.0.0.1,MAP * ~NOTFOUND");
        arguments.Should().Contain(["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]);
        arguments.Should().NotContain(a => a.Contains('"', StringComparison.Ordinal) || a.Contains("ignore-certificate-errors", StringComparison.Ordinal));
        BrowserProbe.ArgumentsFor(new BrowserVisit("shop.kuberaya.test", "::1", 80, 443, [], "x.png"))
            .Should().Contain("--host-resolver-rules=MAP shop.kuberaya.test [::1],MAP * ~NOTFOUND");
    }
}
