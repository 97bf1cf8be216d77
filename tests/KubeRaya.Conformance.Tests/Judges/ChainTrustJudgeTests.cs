using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class ChainTrustJudgeTests
{
    private static readonly CertificateEvidence Root = Make.Ca("Run Root", 'C');

    [Fact]
    public void A_trusted_chain_with_its_intermediate_served_passes()
    {
        var verdict = ChainTrustJudge.Judge(Make.Host, Make.Handshake(), [Root]);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-CERT-02");
        verdict.Observed.Should().Contain("served 2 certificate(s)");
    }

    [Fact]
    public void A_chain_the_CA_bundle_does_not_trust_fails_naming_the_problems()
    {
        var handshake = Make.Handshake() with { ChainValidation = new ChainValidationEvidence(false, ["UntrustedRoot: self-signed certificate"], [Make.Fp('A'), Make.Fp('D')]) };

        var verdict = ChainTrustJudge.Judge(Make.Host, handshake);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("UntrustedRoot: self-signed certificate");
    }

    [Fact]
    public void An_expired_leaf_is_left_to_the_validity_control_but_an_expired_intermediate_is_not()
    {
        var expiredLeaf = new ChainValidationEvidence(false, ["NotTimeValid: certificate has expired (CN=a.example.test)"], [Make.Fp('A'), Make.Fp('B'), Make.Fp('C')]);
        var expiredIntermediate = expiredLeaf with { Problems = ["NotTimeValid: certificate has expired (CN=Run Intermediate)"] };

        ChainTrustJudge.Judge(Make.Host, Make.Handshake() with { ChainValidation = expiredLeaf }).Outcome.Should().Be(Outcome.Passed);
        var verdict = ChainTrustJudge.Judge(Make.Host, Make.Handshake() with { ChainValidation = expiredIntermediate });
        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("(CN=Run Intermediate)");
    }

    [Fact]
    public void A_chain_that_validates_only_with_an_intermediate_from_elsewhere_fails()
    {
        var handshake = Make.Handshake() with { ServedChain = [Make.Leaf()] };

        var verdict = ChainTrustJudge.Judge(Make.Host, handshake);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"intermediate {Make.Fp('B')} was not served");
    }

    [Fact]
    public void An_intermediate_taken_from_the_CA_bundle_as_anchor_still_has_to_be_served()
    {
        var intermediate = Make.Ca("Run Intermediate", 'B', "Run Root");
        var handshake = Make.Handshake() with
        {
            ServedChain = [Make.Leaf()],
            ChainValidation = new ChainValidationEvidence(true, [], [Make.Fp('A'), Make.Fp('B')]),
        };

        ChainTrustJudge.Judge(Make.Host, handshake).Outcome.Should().Be(Outcome.Passed, "without the bundle the last certificate counts as the anchor");
        var verdict = ChainTrustJudge.Judge(Make.Host, handshake, [Root, intermediate]);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"intermediate {Make.Fp('B')} was not served").And.Contain("not a root of the CA bundle");
    }

    [Theory]
    [InlineData("1.3.6.1.5.5.7.3.2")]
    [InlineData("2.5.29.37.0")]
    public void A_leaf_whose_EKU_lacks_serverAuth_fails(string eku)
    {
        var handshake = Make.Handshake() with { ServedChain = [Make.Leaf() with { ExtendedKeyUsages = [eku] }, Make.Ca("Run Intermediate", 'B', "Run Root")] };

        var verdict = ChainTrustJudge.Judge(Make.Host, handshake);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"[{eku}] does not include serverAuth");
    }

    [Fact]
    public void A_leaf_without_an_EKU_extension_passes()
    {
        var handshake = Make.Handshake() with { ServedChain = [Make.Leaf() with { ExtendedKeyUsages = null }, Make.Ca("Run Intermediate", 'B', "Run Root")] };

        ChainTrustJudge.Judge(Make.Host, handshake).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public void A_handshake_without_validation_or_certificate_cannot_decide()
    {
        ChainTrustJudge.Judge(Make.Host, Make.Handshake() with { ChainValidation = null }).Outcome.Should().Be(Outcome.Error);
        ChainTrustJudge.Judge(Make.Host, Make.FailedHandshake(Make.Host, "reset")).Outcome.Should().Be(Outcome.Error);
    }

    [Fact]
    public void A_validation_of_some_other_leaf_cannot_decide()
    {
        var handshake = Make.Handshake() with { ChainValidation = new ChainValidationEvidence(true, [], [Make.Fp('E'), Make.Fp('C')]) };

        var verdict = ChainTrustJudge.Judge(Make.Host, handshake);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain($"starts at {Make.Fp('E')}");
    }
}
