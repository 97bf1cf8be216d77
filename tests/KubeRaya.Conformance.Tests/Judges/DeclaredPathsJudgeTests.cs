using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class DeclaredPathsJudgeTests
{
    private static readonly string[] Declared = ["/api"];
    private const string DefaultBackend = "<html><title>404 Not Found</title>default backend - 404</html>";

    private static PathExchange Probe(string path, int? status, string body) => new(path, Make.Exchange(status, path: path, body: body));

    private static List<PathExchange> Clean() =>
    [
        Probe("/api/items", 200, Make.EchoBody(path: "/api/items")),
        Probe("/admin", 404, DefaultBackend),
        Probe("/apix", 404, DefaultBackend),
    ];

    [Fact]
    public void Undeclared_paths_answered_by_the_default_backend_pass()
    {
        var verdict = DeclaredPathsJudge.Judge(Make.Host, Clean(), Declared);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-HOST-03");
        verdict.Observed.Should().Contain("/apix (undeclared): 404");
    }

    [Fact]
    public void An_undeclared_path_reaching_the_application_fails()
    {
        var probes = Clean();
        probes[1] = Probe("/admin", 200, Make.EchoBody(path: "/admin"));

        var verdict = DeclaredPathsJudge.Judge(Make.Host, probes, Declared);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("/admin: 200 from the application: the body is the echo backend's JSON");
    }

    [Fact]
    public void A_404_written_by_the_application_fails()
    {
        var probes = Clean();
        probes[2] = Probe("/apix", 404, Make.EchoBody(path: "/apix"));

        var verdict = DeclaredPathsJudge.Judge(Make.Host, probes, Declared);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("/apix: 404 from the application");
    }

    [Fact]
    public void Another_status_on_an_undeclared_path_fails()
    {
        var probes = Clean();
        probes[1] = Probe("/admin", 503, "service unavailable");

        var verdict = DeclaredPathsJudge.Judge(Make.Host, probes, Declared);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("/admin: 503");
    }

    [Fact]
    public void Without_the_application_seen_on_a_declared_path_nothing_is_proven()
    {
        var probes = Clean();
        probes[0] = Probe("/api/items", 502, "bad gateway");

        var verdict = DeclaredPathsJudge.Judge(Make.Host, probes, Declared);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("no request for a declared path reached a recognisable application");
    }

    [Fact]
    public void Without_an_undeclared_path_or_a_response_nothing_is_decided()
    {
        DeclaredPathsJudge.Judge(Make.Host, Clean().Take(1).ToList(), Declared).Observed.Should().Contain("no request for an undeclared path");
        var probes = Clean();
        probes[1] = Probe("/admin", null, "");
        var verdict = DeclaredPathsJudge.Judge(Make.Host, probes, Declared);
        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("/admin: no response (connection reset by peer)");
    }

    [Theory]
    [InlineData("/api", true)]
    [InlineData("/api/", true)]
    [InlineData("/api/v1?x=1", true)]
    [InlineData("/apix", false)]
    [InlineData("/Api", false)]
    [InlineData("/", false)]
    public void Declared_paths_match_by_Kubernetes_Prefix_rules(string path, bool declared) =>
        DeclaredPathsJudge.IsDeclared(path, ["/api/"]).Should().Be(declared);
}
