using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Pki;
using Xunit;

namespace KubeRaya.Conformance.Tests.Pki;

[Collection(AuthorityFixture.Collection)]
public sealed class CertificateAuthorityTests(AuthorityFixture authorities)
{
    [Fact]
    public void A_root_is_a_self_signed_RSA_3072_CA_that_may_sign_certificates_and_CRLs()
    {
        var root = authorities.Root.Certificate;

        root.Subject.Should().Be("CN=KubeRaya Test Root");
        root.Issuer.Should().Be(root.Subject);
        root.GetRSAPublicKey()!.KeySize.Should().Be(3072);
        var constraints = root.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        constraints.CertificateAuthority.Should().BeTrue();
        constraints.Critical.Should().BeTrue();
        constraints.HasPathLengthConstraint.Should().BeFalse();
        var usage = root.Extensions.OfType<X509KeyUsageExtension>().Single();
        usage.KeyUsages.Should().Be(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign);
        usage.Critical.Should().BeTrue();
        root.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Should().ContainSingle();
    }

    [Fact]
    public void A_root_certificate_is_public_only_and_its_PEM_round_trips()
    {
        authorities.Root.Certificate.HasPrivateKey.Should().BeFalse();
        authorities.Root.CertificatePem.Should().StartWith("-----BEGIN CERTIFICATE-----").And.NotContain("PRIVATE");

        using var readBack = X509Certificate2.CreateFromPem(authorities.Root.CertificatePem);
        readBack.RawData.Should().Equal(authorities.Root.Certificate.RawData);
    }

    [Fact]
    public void An_intermediate_may_issue_leaves_only_and_points_to_its_root_key()
    {
        var intermediate = authorities.Intermediate.Certificate;

        intermediate.Issuer.Should().Be(authorities.Root.Certificate.Subject);
        var constraints = intermediate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        constraints.CertificateAuthority.Should().BeTrue();
        constraints.HasPathLengthConstraint.Should().BeTrue();
        constraints.PathLengthConstraint.Should().Be(0);
        AuthorityKeyId(intermediate).Should().Equal(SubjectKeyId(authorities.Root.Certificate));
    }

    [Fact]
    public void A_leaf_points_to_its_issuer_key()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, ["app.tenant-a.test"]);

        AuthorityKeyId(issued.Leaf).Should().Equal(SubjectKeyId(authorities.Intermediate.Certificate));
        issued.Intermediates.Should().ContainSingle().Which.RawData.Should().Equal(authorities.Intermediate.Certificate.RawData);
    }

    [Fact]
    public void A_leaf_issued_by_the_root_has_no_intermediates()
    {
        using var issued = authorities.Root.Issue(LeafProfile.Valid, ["app.tenant-a.test"]);

        issued.Intermediates.Should().BeEmpty();
    }

    [Fact]
    public void An_intermediate_cannot_create_another_intermediate()
    {
        var create = () => authorities.Intermediate.CreateIntermediate("Too Deep");

        create.Should().Throw<InvalidOperationException>().WithMessage("*pathlen 0*");
    }

    [Fact]
    public void A_leaf_outside_the_issuers_validity_is_refused_with_both_windows_named()
    {
        var issue = () => authorities.Root.Issue(LeafProfile.Valid, ["app.tenant-a.test"], DateTimeOffset.UtcNow.AddYears(-5));

        issue.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*cannot be issued by 'CN=KubeRaya Test Root', which is valid*");
    }

    [Fact]
    public void A_leaf_needs_a_host()
    {
        var issue = () => authorities.Root.Issue(LeafProfile.Valid, []);

        issue.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_disposed_authority_issues_nothing()
    {
        var root = CertificateAuthority.CreateRoot("Short-lived Root");
        root.Dispose();
        root.Dispose();

        var issue = () => root.Issue(LeafProfile.Valid, ["app.tenant-a.test"]);

        issue.Should().Throw<ObjectDisposedException>();
    }

    private static byte[] SubjectKeyId(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray();

    private static byte[] AuthorityKeyId(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.ToArray();
}
