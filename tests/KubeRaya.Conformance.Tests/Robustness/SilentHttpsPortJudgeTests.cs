using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using KubeRaya.Conformance.Tests.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// An ingress whose port 80 answers (404 for unrouted hosts) while its HTTPS port never speaks: the unknown-host
/// judges accepted a refused handshake "while the ingress answers otherwise", and counted the plain-HTTP answers as
/// that. A silent HTTPS port then passed KR-HOST-02 and KR-HOST-01. Only an HTTPS answer shows a refusal is a choice.
/// </summary>
public sealed class SilentHttpsPortJudgeTests
{
    private const string Silent = "The server on 127.0.0.1:443 accepted the TCP connection but sent no TLS answer within the handshake timeout (2 s).";

    private static HostScopeEvidence SilentHttps() => new()
    {
        Host = Make.Host,
        TenantHosts = [Make.Host],
        ApplicationBaseline = Make.Exchange(null) with { Failure = Silent },
        Exchanges =
        [
            new("http, unrouted Host", Make.Exchange(404, "http", "nobody.example.test", body: "not found")),
            new("http, by IP", Make.Exchange(404, "http", "127.0.0.1", body: "not found")),
            new("https, unrouted Host", Make.Exchange(null, "https", "nobody.example.test") with { Failure = Silent }),
            new("https, by IP", Make.Exchange(null, "https", null) with { Sni = null, Failure = Silent }),
            new("https, no SNI", Make.Exchange(null, "https", "nobody.example.test") with { Sni = null, Failure = Silent }),
        ],
        Handshakes =
        [
            new("unrouted SNI", Make.FailedHandshake("nobody.example.test", Silent)),
            new("no SNI", Make.FailedHandshake(null, Silent)),
        ],
    };

    [Fact]
    public void Unknown_SNI_is_undecided_when_only_the_plain_HTTP_port_answers()
    {
        var verdict = UnknownSniJudge.Judge(SilentHttps());

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("the HTTPS port answered nothing in the evidence").And.Contain("sent no TLS answer");
    }

    [Fact]
    public void Unknown_hosts_are_undecided_when_only_the_plain_HTTP_port_answers()
    {
        var verdict = UnknownHostJudge.Judge(SilentHttps(), ["tenant-marker"]);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("https, no SNI: no response").And.Contain("the HTTPS port answered nothing in the evidence");
    }

    [Fact]
    public void A_refusal_still_passes_once_the_HTTPS_port_answered_the_routed_host()
    {
        var answering = SilentHttps() with { ApplicationBaseline = Make.Exchange(200, body: "app") };

        UnknownSniJudge.Judge(answering).Outcome.Should().Be(Outcome.Passed);
    }
}
