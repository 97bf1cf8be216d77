using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class RedirectJudgeTests
{
    private const string Path = "/x?y=1";
    private const string ControllerPage = "<html><head><title>308 Permanent Redirect</title></head><body><center><h1>308 Permanent Redirect</h1></center><hr><center>nginx</center></body></html>";

    private static HttpExchangeEvidence Plain(int? status, string? location, string body = ControllerPage, string path = Path) =>
        location is null
            ? Make.Exchange(status, "http", path: path, body: body)
            : Make.Exchange(status, "http", path: path, body: body, headers: ("Location", location));

    [Theory]
    [InlineData(301, "https://a.example.test/x?y=1", 443)]
    [InlineData(308, "https://a.example.test/x?y=1", 443)]
    [InlineData(308, "https://a.example.test:443/x?y=1", 443)]
    [InlineData(308, "HTTPS://A.Example.Test/x?y=1", 443)]
    [InlineData(308, "https://a.example.test:8443/x?y=1", 8443)]
    public void A_permanent_redirect_to_the_same_URL_over_https_passes(int status, string location, int httpsPort)
    {
        var verdict = RedirectJudge.Judge(Make.Host, Plain(status, location), httpsPort, ["Echo App"]);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-HTTP-01");
        verdict.Observed.Should().Be($"{status} with Location {location}");
    }

    [Fact]
    public void An_empty_path_stands_for_the_root_and_escapes_may_differ_in_case()
    {
        RedirectJudge.Judge(Make.Host, Plain(301, "https://a.example.test", path: "/"), 443).Outcome.Should().Be(Outcome.Passed);
        RedirectJudge.Judge(Make.Host, Plain(301, "https://a.example.test/a%2fb", path: "/a%2Fb"), 443).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public void A_temporary_redirect_fails_naming_status_and_location()
    {
        var verdict = RedirectJudge.Judge(Make.Host, Plain(302, "https://a.example.test/x?y=1"), 443);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Expected.Should().StartWith("301 or 308 with Location https://a.example.test/x?y=1");
        verdict.Observed.Should().StartWith("302 with Location https://a.example.test/x?y=1").And.Contain("status 302 is not 301 or 308");
    }

    [Fact]
    public void A_redirect_to_plain_http_fails()
    {
        var verdict = RedirectJudge.Judge(Make.Host, Plain(301, "http://a.example.test/x?y=1"), 443);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("301 with Location http://a.example.test/x?y=1").And.Contain("not an absolute https:// URL");
    }

    [Theory]
    [InlineData("https://b.example.test/x?y=1", "host \"b.example.test\" is not a.example.test")]
    [InlineData("https://a.example.test/", "path and query \"/\" differ")]
    [InlineData("https://a.example.test/x", "path and query \"/x\" differ")]
    [InlineData("https://a.example.test/x?y=2", "path and query \"/x?y=2\" differ")]
    [InlineData("https://a.example.test/X?y=1", "path and query \"/X?y=1\" differ")]
    [InlineData("https://a.example.test/x?y=1#top", "path and query \"/x?y=1#top\" differ")]
    [InlineData("https://a.example.test:8443/x?y=1", "port 8443 is not the HTTPS port under test (443)")]
    [InlineData("https://evil@a.example.test/x?y=1", "user-info")]
    [InlineData("/x?y=1", "not an absolute https:// URL")]
    public void A_redirect_elsewhere_fails_saying_where(string location, string words)
    {
        var verdict = RedirectJudge.Judge(Make.Host, Plain(308, location), 443);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"308 with Location {location}").And.Contain(words);
    }

    [Fact]
    public void A_missing_port_fails_when_the_HTTPS_port_is_not_443()
    {
        var verdict = RedirectJudge.Judge(Make.Host, Plain(308, "https://a.example.test/x?y=1"), 8443);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Expected.Should().Contain("https://a.example.test:8443/x?y=1");
        verdict.Observed.Should().Contain("no port, but the HTTPS port under test is 8443");
    }

    [Fact]
    public void A_redirect_without_Location_or_with_two_fails()
    {
        RedirectJudge.Judge(Make.Host, Plain(308, null), 443).Observed.Should().Contain("0 Location headers");
        var two = Make.Exchange(308, "http", path: Path, headers: [("Location", "https://a.example.test/x?y=1"), ("Location", "https://b.example.test/")]);
        var verdict = RedirectJudge.Judge(Make.Host, two, 443);
        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("2 Location headers");
    }

    [Fact]
    public void A_redirect_carrying_application_content_fails()
    {
        var body = "<html><title>Echo App</title>secret dashboard</html>";

        var verdict = RedirectJudge.Judge(Make.Host, Plain(308, "https://a.example.test/x?y=1", body), 443, ["secret dashboard"]);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("application's marker \"secret dashboard\"");
    }

    [Fact]
    public void A_redirect_carrying_the_echo_backends_answer_fails_without_markers()
    {
        var verdict = RedirectJudge.Judge(Make.Host, Plain(301, "https://a.example.test/x?y=1", Make.EchoBody()), 443);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("echo backend's JSON");
    }

    [Fact]
    public void An_application_served_over_plain_HTTP_fails()
    {
        var verdict = RedirectJudge.Judge(Make.Host, Plain(200, null, Make.EchoBody()), 443);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().StartWith("200 (").And.Contain("status 200 is not 301 or 308");
    }

    [Fact]
    public void No_response_on_the_HTTP_port_fails()
    {
        var verdict = RedirectJudge.Judge(Make.Host, Plain(null, null, ""), 443);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("no response (connection reset by peer)");
    }

    [Fact]
    public void Evidence_from_HTTPS_or_for_another_host_cannot_decide()
    {
        RedirectJudge.Judge(Make.Host, Make.Exchange(308, "https", path: Path), 443).Outcome.Should().Be(Outcome.Error);
        RedirectJudge.Judge(Make.Host, Make.Exchange(308, "http", hostHeader: "b.example.test", path: Path), 443).Outcome.Should().Be(Outcome.Error);
    }
}
