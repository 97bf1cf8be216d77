using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class UnknownHostJudgeTests
{
    private const string AppPage = "<html><head><title>Tenant A Shop</title></head><body>welcome</body></html>";
    private const string NotFound = "<html><head><title>404 Not Found</title></head><body>default backend - 404</body></html>";

    private static List<LabelledExchange> Clean() =>
    [
        new("http, unrouted Host", Make.Exchange(404, "http", "nobody.example.test", body: NotFound)),
        new("http, by IP", Make.Exchange(404, "http", "127.0.0.1", body: NotFound)),
        new("https, unrouted Host", Make.Exchange(404, "https", "nobody.example.test", body: NotFound)),
        new("https, by IP", Make.Exchange(404, "https", null, body: NotFound) with { Sni = null }),
        new("https, no SNI", Make.Exchange(421, "https", "nobody.example.test", body: NotFound) with { Sni = null }),
    ];

    private static HostScopeEvidence Scope(List<LabelledExchange> exchanges, HttpExchangeEvidence? baseline = null) => new()
    {
        Host = Make.Host,
        TenantHosts = [Make.Host, "b.example.test"],
        ApplicationBaseline = baseline ?? Make.Exchange(200, body: AppPage),
        Exchanges = exchanges,
    };

    private static List<LabelledExchange> With(string label, HttpExchangeEvidence exchange)
    {
        var exchanges = Clean();
        exchanges[exchanges.FindIndex(e => e.Label == label)] = new(label, exchange);
        return exchanges;
    }

    [Fact]
    public void Unrouted_requests_answered_404_or_421_without_content_pass()
    {
        var verdict = UnknownHostJudge.Judge(Scope(Clean()));

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-HOST-01");
        verdict.Observed.Should().Contain("https, no SNI: 421");
    }

    [Fact]
    public void A_200_for_an_unrouted_host_fails()
    {
        var verdict = UnknownHostJudge.Judge(Scope(With("http, unrouted Host", Make.Exchange(200, "http", "nobody.example.test", body: AppPage))));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("http, unrouted Host: 200 and the body is identical to the application's own response");
    }

    [Fact]
    public void Another_status_fails_even_without_content()
    {
        var verdict = UnknownHostJudge.Judge(Scope(With("https, by IP", Make.Exchange(403, "https", null, body: "forbidden") with { Sni = null })));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("https, by IP: 403");
    }

    [Fact]
    public void A_404_carrying_the_applications_page_fails()
    {
        var page = AppPage.Replace("welcome", "no such page", StringComparison.Ordinal);

        var verdict = UnknownHostJudge.Judge(Scope(With("https, unrouted Host", Make.Exchange(404, "https", "nobody.example.test", body: page))));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("https, unrouted Host: 404 but the body has the application's HTML title \"Tenant A Shop\"");
    }

    [Fact]
    public void A_404_carrying_a_given_marker_fails()
    {
        var exchanges = With("http, by IP", Make.Exchange(404, "http", "127.0.0.1", body: "Cannot GET / -- tenant-a-build-42"));

        var verdict = UnknownHostJudge.Judge(Scope(exchanges), ["tenant-a-build-42"]);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("marker \"tenant-a-build-42\"");
    }

    [Fact]
    public void A_refused_handshake_without_SNI_is_accepted_while_the_ingress_answers_otherwise()
    {
        var refused = Make.Exchange(null, "https", "nobody.example.test") with { Sni = null, Failure = "TLS alert unrecognized_name" };

        UnknownHostJudge.Judge(Scope(With("https, no SNI", refused))).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public void Refusals_everywhere_cannot_be_told_from_an_outage()
    {
        var refused = Clean().Select(e => e with { Exchange = e.Exchange with { Status = null, Failure = "connection refused" } }).ToList();

        var verdict = UnknownHostJudge.Judge(Scope(refused, Make.Exchange(null)));

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("https, no SNI: no response (connection refused): the HTTPS port answered nothing in the evidence");
    }

    [Fact]
    public void A_plain_HTTP_request_without_response_cannot_decide()
    {
        var verdict = UnknownHostJudge.Judge(Scope(With("http, unrouted Host", Make.Exchange(null, "http", "nobody.example.test"))));

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("http, unrouted Host: no response (connection reset by peer)");
    }

    [Fact]
    public void Bodies_cannot_be_judged_without_knowing_the_application()
    {
        var verdict = UnknownHostJudge.Judge(Scope(Clean(), Make.Exchange(502, body: "bad gateway")));

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("cannot be checked for application content");
    }

    [Fact]
    public void Evidence_missing_a_required_variant_cannot_decide()
    {
        var withSni = Clean().Where(e => e.Exchange.Scheme == "http" || e.Exchange.Sni is not null).ToList();

        var verdict = UnknownHostJudge.Judge(Scope(withSni));

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("no https request addressed by IP").And.Contain("no https request without SNI");
    }

    [Fact]
    public void No_exchanges_cannot_decide() =>
        UnknownHostJudge.Judge(Scope([])).Outcome.Should().Be(Outcome.Error);
}
