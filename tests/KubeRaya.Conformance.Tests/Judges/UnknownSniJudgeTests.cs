using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class UnknownSniJudgeTests
{
    private static readonly CertificateEvidence DefaultCertificate = Make.Leaf("ingress.local") with { Subject = "CN=Kubernetes Ingress Controller Fake Certificate", Sha256Fingerprint = Make.Fp('F') };

    private static HostScopeEvidence Scope(params LabelledHandshake[] handshakes) => new()
    {
        Host = Make.Host,
        TenantHosts = [Make.Host, "b.example.test"],
        ApplicationBaseline = Make.Exchange(200, body: "app"),
        Handshakes = handshakes,
    };

    private static LabelledHandshake Served(string label, string? sni, CertificateEvidence leaf) =>
        new(label, Make.Handshake(sni) with { ServedChain = [leaf] });

    [Fact]
    public void The_default_certificate_for_unknown_SNI_and_none_passes()
    {
        var verdict = UnknownSniJudge.Judge(Scope(Served("random SNI", "zz.example.test", DefaultCertificate), Served("no SNI", null, DefaultCertificate)));

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-HOST-02");
        verdict.Observed.Should().Contain("DNS SANs [ingress.local]");
    }

    [Fact]
    public void Refused_handshakes_pass_while_the_ingress_answers_its_hosts()
    {
        var verdict = UnknownSniJudge.Judge(Scope(
            new("random SNI", Make.FailedHandshake("zz.example.test", "alert unrecognized_name")),
            new("no SNI", Make.FailedHandshake(null, "alert unrecognized_name"))));

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Observed.Should().Contain("no certificate (alert unrecognized_name)");
    }

    [Fact]
    public void A_tenant_certificate_without_SNI_fails_naming_the_tenant()
    {
        var verdict = UnknownSniJudge.Judge(Scope(Served("random SNI", "zz.example.test", DefaultCertificate), Served("no SNI", null, Make.Leaf("b.example.test"))));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("no SNI: certificate with DNS SANs [b.example.test]").And.Contain("names tenant host(s) b.example.test");
    }

    [Fact]
    public void A_wildcard_covering_a_tenant_counts()
    {
        var verdict = UnknownSniJudge.Judge(Scope(Served("random SNI", "zz.other.test", Make.Leaf("*.example.test")), Served("no SNI", null, DefaultCertificate)));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("a.example.test (by *.example.test), b.example.test (by *.example.test)");
    }

    [Fact]
    public void Refusals_with_nothing_answering_cannot_decide()
    {
        var scope = Scope(new("random SNI", Make.FailedHandshake("zz.example.test", "connection refused")), new("no SNI", Make.FailedHandshake(null, "connection refused")))
            with { ApplicationBaseline = Make.Exchange(null) };

        var verdict = UnknownSniJudge.Judge(scope);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("connection refused");
    }

    [Fact]
    public void Evidence_without_a_no_SNI_handshake_cannot_decide()
    {
        var verdict = UnknownSniJudge.Judge(Scope(Served("random SNI", "zz.example.test", DefaultCertificate)));

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("no handshake without SNI");
    }

    [Fact]
    public void A_handshake_naming_a_tenant_is_not_unrouted_evidence()
    {
        var verdict = UnknownSniJudge.Judge(Scope(Served("random SNI", "b.example.test", Make.Leaf("b.example.test")), Served("no SNI", null, DefaultCertificate)));

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("SNI b.example.test is a tenant host").And.Contain("no handshake with an unrouted SNI");
    }
}
