using Xunit;
using static KubeRaya.Conformance.Tests.EndToEnd.IngressConfiguration;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>HTTP→HTTPS faults of the first host, each alone, through the command line: exactly KR-HTTP-01 or KR-HTTP-02
/// fails on that host, and on the second host nothing fails.</summary>
public sealed class RedirectAndHstsFaultTests
{
    [Fact]
    public async Task A_host_that_serves_the_app_over_plain_http_fails_the_redirect_control_and_the_browser_stays_on_http()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostRedirectStatus = null }, RunScope.Everything);

        run.ShouldFailExactly(
            ExpectedFailure.Of("KR-HTTP-01", FirstHost),
            ExpectedFailure.Because("KR-UX-01", FirstHost, "nothing sends the browser to https://, so its visit ends on http://"));
    }

    [Fact]
    public async Task A_302_redirect_fails_the_redirect_control_though_a_browser_follows_it_to_https()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostRedirectStatus = 302 }, RunScope.Everything);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-HTTP-01", FirstHost));
    }

    [Fact]
    public async Task A_redirect_to_another_host_fails_the_redirect_control()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostRedirectTarget = "https://elsewhere.example.test:{https}$request_uri" }, RunScope.WithoutBrowser);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-HTTP-01", FirstHost));
    }

    [Fact]
    public async Task A_redirect_that_drops_the_path_and_query_fails_the_redirect_control()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostRedirectTarget = "https://$host:{https}/" }, RunScope.WithoutBrowser);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-HTTP-01", FirstHost));
    }

    [Fact]
    public async Task A_host_without_HSTS_fails_the_HSTS_control()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostHsts = null }, RunScope.WithoutBrowser);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-HTTP-02", FirstHost));
    }

    [Fact]
    public async Task An_HSTS_max_age_of_one_day_fails_the_HSTS_control()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostHsts = "max-age=86400; includeSubDomains" }, RunScope.WithoutBrowser);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-HTTP-02", FirstHost));
    }
}
