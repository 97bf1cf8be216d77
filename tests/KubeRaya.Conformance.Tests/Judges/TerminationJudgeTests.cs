using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class TerminationJudgeTests
{
    private static EchoEvidence Echo(string scheme = "http", bool tls = false, string forwardedProto = "\"https\"") =>
        EchoEvidence.TryParse(Make.EchoBody(scheme, tls, forwardedProto))!;

    [Fact]
    public void Plain_HTTP_behind_the_ingress_with_the_Secrets_leaf_passes()
    {
        var verdict = TerminationJudge.Judge(Make.Host, Echo(), Make.Fp('A'), Make.Fp('A').ToLowerInvariant(), [Make.Fp('9')]);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-TLS-02");
        verdict.Observed.Should().Contain("received http, TLS no, X-Forwarded-Proto [https]");
    }

    [Fact]
    public void A_backend_receiving_TLS_fails()
    {
        var verdict = TerminationJudge.Judge(Make.Host, Echo("https", tls: true), Make.Fp('A'), Make.Fp('A'));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("the backend received https over TLS");
    }

    [Theory]
    [InlineData("\"http\"", "[http]")]
    [InlineData("[]", "none")]
    [InlineData("[\"https\",\"https\"]", "[https, https]")]
    [InlineData("\"https, http\"", "[https, http]")]
    public void A_wrong_or_missing_forwarded_proto_fails(string json, string shown)
    {
        var verdict = TerminationJudge.Judge(Make.Host, Echo(forwardedProto: json), Make.Fp('A'), Make.Fp('A'));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"X-Forwarded-Proto {shown}");
    }

    [Fact]
    public void Serving_a_pods_certificate_fails()
    {
        var verdict = TerminationJudge.Judge(Make.Host, Echo(), Make.Fp('9'), Make.Fp('A'), [Make.Fp('9')]);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"the served leaf {Make.Fp('9')} is a pod's certificate");
    }

    [Fact]
    public void Serving_another_certificate_than_the_Secrets_fails()
    {
        var verdict = TerminationJudge.Judge(Make.Host, Echo(), Make.Fp('D'), Make.Fp('A'));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"{Make.Fp('D')} is not the Ingress Secret's {Make.Fp('A')}");
    }

    [Fact]
    public void A_missing_report_or_fingerprint_cannot_decide()
    {
        TerminationJudge.Judge(Make.Host, null, Make.Fp('A'), Make.Fp('A')).Outcome.Should().Be(Outcome.Error);
        var verdict = TerminationJudge.Judge(Make.Host, Echo(), "not-a-fingerprint", Make.Fp('A'));
        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("\"not-a-fingerprint\"");
    }
}
