using FluentAssertions;
using KubeRaya.Conformance.Pki;
using Xunit;

namespace KubeRaya.Conformance.Tests.Pki;

[Collection(AuthorityFixture.Collection)]
public sealed class ChainValidationTests(AuthorityFixture authorities)
{
    private static readonly string[] Hosts = ["app.tenant-a.test"];

    [Fact]
    public void A_leaf_from_the_intermediate_validates_against_the_root_when_the_intermediate_is_supplied()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, Hosts);

        var chain = TrustedChain.Build(issued.Leaf, authorities.Root.Certificate, issued.Intermediates);

        chain.Valid.Should().BeTrue(chain.Status);
    }

    [Fact]
    public void A_leaf_from_the_intermediate_does_not_validate_without_the_intermediate()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, Hosts);

        var chain = TrustedChain.Build(issued.Leaf, authorities.Root.Certificate, []);

        chain.Valid.Should().BeFalse();
        chain.Status.Should().Contain("PartialChain");
    }

    [Fact]
    public void A_leaf_from_the_root_validates_against_the_root()
    {
        using var issued = authorities.Root.Issue(LeafProfile.Valid, Hosts);

        TrustedChain.Build(issued.Leaf, authorities.Root.Certificate, []).Valid.Should().BeTrue();
    }

    [Fact]
    public void A_leaf_does_not_validate_against_an_unrelated_root_with_the_same_name()
    {
        using var stranger = CertificateAuthority.CreateRoot("KubeRaya Test Root");
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, Hosts);

        var chain = TrustedChain.Build(issued.Leaf, stranger.Certificate, issued.Intermediates);

        chain.Valid.Should().BeFalse();
    }

    [Fact]
    public void An_expired_leaf_fails_validation_only_because_of_time()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Expired, Hosts);

        var chain = TrustedChain.Build(issued.Leaf, authorities.Root.Certificate, issued.Intermediates);

        chain.Valid.Should().BeFalse();
        chain.Status.Should().Be("NotTimeValid");
    }

    [Fact]
    public void A_sha1_signed_leaf_carries_a_genuine_signature_of_its_issuer()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Sha1Signed, Hosts);

        var chain = TrustedChain.Build(issued.Leaf, authorities.Root.Certificate, issued.Intermediates);

        chain.Valid.Should().BeTrue($"only the digest should be weak, the signature itself sound, but: {chain.Status}");
    }
}
