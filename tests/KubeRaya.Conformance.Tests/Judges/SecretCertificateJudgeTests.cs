using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class SecretCertificateJudgeTests
{
    [Fact]
    public void The_Secrets_leaf_served_passes_whatever_the_fingerprint_spelling()
    {
        var colons = string.Join(":", Enumerable.Repeat("aa", 32));

        var verdict = SecretCertificateJudge.Judge(Make.Host, Make.Leaf(), colons);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-CERT-06");
        verdict.Observed.Should().Contain($"SHA-256 {Make.Fp('A')}");
    }

    [Fact]
    public void Another_leaf_fails_naming_both_fingerprints()
    {
        var verdict = SecretCertificateJudge.Judge(Make.Host, Make.Leaf() with { Sha256Fingerprint = Make.Fp('D') }, Make.Fp('A'));

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Expected.Should().Contain(Make.Fp('A'));
        verdict.Observed.Should().Contain(Make.Fp('D'));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ABCD")]
    public void A_missing_or_malformed_Secret_fingerprint_cannot_decide(string? secret) =>
        SecretCertificateJudge.Judge(Make.Host, Make.Leaf(), secret).Outcome.Should().Be(Outcome.Error);

    [Fact]
    public void No_served_certificate_cannot_decide() =>
        SecretCertificateJudge.Judge(Make.Host, null, Make.Fp('A')).Outcome.Should().Be(Outcome.Error);
}
