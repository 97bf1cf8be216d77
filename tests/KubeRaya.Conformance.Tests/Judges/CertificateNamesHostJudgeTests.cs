using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class CertificateNamesHostJudgeTests
{
    [Theory]
    [InlineData("a.example.test")]
    [InlineData("*.example.test")]
    public void A_DNS_SAN_naming_the_host_passes(string san)
    {
        var verdict = CertificateNamesHostJudge.Judge(Make.Host, Make.Leaf(san));

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-CERT-01");
        verdict.Observed.Should().Contain($"DNS SAN {san} names a.example.test");
    }

    [Fact]
    public void A_certificate_for_other_hosts_fails_naming_its_SANs()
    {
        var verdict = CertificateNamesHostJudge.Judge(Make.Host, Make.Leaf("b.example.test"));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("no DNS SAN names the host").And.Contain("DNS SANs [b.example.test]");
    }

    [Fact]
    public void A_wildcard_one_level_too_high_fails()
    {
        var verdict = CertificateNamesHostJudge.Judge("x.a.example.test", Make.Leaf("*.example.test"));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("[*.example.test]");
    }

    [Fact]
    public void A_common_name_only_certificate_fails_saying_the_CN_is_ignored()
    {
        var verdict = CertificateNamesHostJudge.Judge(Make.Host, Make.Leaf() with { DnsNames = [], Subject = "CN=a.example.test" });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("no DNS SAN at all").And.Contain("CN is ignored").And.Contain("\"CN=a.example.test\"");
    }

    [Fact]
    public void An_IP_only_certificate_fails_naming_the_IP_SAN()
    {
        var verdict = CertificateNamesHostJudge.Judge(Make.Host, Make.Leaf() with { DnsNames = [], IpAddresses = ["127.0.0.1"] });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("IP SANs [127.0.0.1]");
    }

    [Fact]
    public void No_certificate_cannot_decide() =>
        CertificateNamesHostJudge.Judge(Make.Host, null).Outcome.Should().Be(Outcome.Error);

    [Fact]
    public void An_IP_literal_host_is_not_judged() =>
        CertificateNamesHostJudge.Judge("127.0.0.1", Make.Leaf("127.0.0.1")).Outcome.Should().Be(Outcome.Error);
}
