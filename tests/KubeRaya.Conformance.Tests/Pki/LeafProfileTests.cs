using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Pki;
using Xunit;

namespace KubeRaya.Conformance.Tests.Pki;

[Collection(AuthorityFixture.Collection)]
public sealed class LeafProfileTests(AuthorityFixture authorities)
{
    private const string NistP256Oid = "1.2.840.10045.3.1.7";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private static readonly string[] Hosts = ["app.tenant-a.test", "api.tenant-a.test"];

    private CertificateEvidence Issue(LeafProfile profile, DateTimeOffset? now = null)
    {
        using var issued = authorities.Root.Issue(profile, Hosts, now ?? DateTimeOffset.UtcNow);
        return CertificateEvidence.From(issued.Leaf);
    }

    [Fact]
    public void A_valid_leaf_is_an_EC_P256_server_certificate_for_exactly_the_hosts()
    {
        using var issued = authorities.Root.Issue(LeafProfile.Valid, Hosts);
        var leaf = CertificateEvidence.From(issued.Leaf);

        leaf.KeyAlgorithm.Should().Be("EC");
        leaf.KeySize.Should().Be(256);
        issued.Leaf.GetECDsaPublicKey()!.ExportParameters(false).Curve.Oid.Value.Should().Be(NistP256Oid);
        leaf.DnsNames.Should().Equal(Hosts);
        leaf.IpAddresses.Should().BeEmpty();
        leaf.Subject.Should().Be("CN=app.tenant-a.test");
        leaf.Issuer.Should().Be(authorities.Root.Certificate.Subject);
        leaf.ExtendedKeyUsages.Should().Equal(CertificateEvidence.ServerAuthOid);
        leaf.IsCertificateAuthority.Should().BeFalse();
        leaf.SignatureAlgorithm.Should().Be("sha256RSA");
        issued.Leaf.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.Should().Be(X509KeyUsageFlags.DigitalSignature);
    }

    [Fact]
    public void A_valid_leaf_lasts_90_days_from_five_minutes_before_now()
    {
        var at = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddSeconds(-1234);
        using var issued = authorities.Root.Issue(LeafProfile.Valid, Hosts, at);
        var leaf = CertificateEvidence.From(issued.Leaf);

        leaf.NotBefore.Should().Be(at.AddMinutes(-5));
        leaf.NotAfter.Should().Be(at.AddMinutes(-5).AddDays(90));
    }

    [Fact]
    public void A_leaf_carries_its_private_key()
    {
        using var issued = authorities.Root.Issue(LeafProfile.Valid, Hosts);

        issued.Leaf.HasPrivateKey.Should().BeTrue();
    }

    [Fact]
    public void Every_leaf_gets_a_fresh_positive_16_byte_serial_number()
    {
        using var first = authorities.Root.Issue(LeafProfile.Valid, Hosts);
        using var second = authorities.Root.Issue(LeafProfile.Valid, Hosts);

        foreach (var serial in new[] { first.Leaf.SerialNumber, second.Leaf.SerialNumber })
        {
            serial.Should().HaveLength(32);
            Convert.ToByte(serial[..2], 16).Should().BeLessThan(0x80, "a serial number is a positive integer");
        }
        first.Leaf.SerialNumber.Should().NotBe(second.Leaf.SerialNumber);
    }

    [Fact]
    public void An_expired_leaf_ended_before_now()
    {
        var now = DateTimeOffset.UtcNow;
        var leaf = Issue(LeafProfile.Expired, now);

        leaf.NotAfter.Should().BeBefore(now);
        leaf.NotBefore.Should().BeBefore(leaf.NotAfter);
    }

    [Fact]
    public void A_not_yet_valid_leaf_starts_after_now()
    {
        var now = DateTimeOffset.UtcNow;
        var leaf = Issue(LeafProfile.NotYetValid, now);

        leaf.NotBefore.Should().BeAfter(now);
    }

    [Fact]
    public void A_wrong_host_leaf_names_none_of_the_hosts()
    {
        var leaf = Issue(LeafProfile.WrongHost);

        leaf.DnsNames.Should().ContainSingle().Which.Should().Be("wrong-host.invalid");
        leaf.Subject.Should().Be("CN=wrong-host.invalid");
    }

    [Fact]
    public void A_common_name_only_leaf_has_the_host_in_its_CN_and_no_subject_alternative_name()
    {
        using var issued = authorities.Root.Issue(LeafProfile.CommonNameOnly, Hosts);

        issued.Leaf.Subject.Should().Be("CN=app.tenant-a.test");
        issued.Leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Should().BeEmpty();
    }

    [Fact]
    public void A_wildcard_leaf_names_only_the_parent_domain_of_the_first_host()
    {
        var leaf = Issue(LeafProfile.Wildcard);

        leaf.DnsNames.Should().Equal("*.tenant-a.test");
        leaf.Subject.Should().Be("CN=*.tenant-a.test");
    }

    [Fact]
    public void A_wildcard_leaf_over_a_two_label_host_is_refused()
    {
        var issue = () => authorities.Root.Issue(LeafProfile.Wildcard, ["example.test"]);

        issue.Should().Throw<ArgumentException>().WithMessage("*at least three labels*example.test*");
    }

    [Fact]
    public void An_ip_only_leaf_has_one_IP_SAN_and_no_DNS_SAN()
    {
        var leaf = Issue(LeafProfile.IpOnlySan);

        leaf.DnsNames.Should().BeEmpty();
        leaf.IpAddresses.Should().Equal("127.0.0.1");
    }

    [Fact]
    public void An_rsa1024_leaf_has_a_1024_bit_RSA_key()
    {
        var leaf = Issue(LeafProfile.Rsa1024);

        leaf.KeyAlgorithm.Should().Be("RSA");
        leaf.KeySize.Should().Be(1024);
    }

    [Fact]
    public void An_rsa2048_leaf_differs_from_a_valid_one_only_in_its_RSA_2048_key()
    {
        var at = DateTimeOffset.UtcNow;
        var valid = Issue(LeafProfile.Valid, at);
        var rsa = Issue(LeafProfile.Rsa2048, at);

        rsa.KeyAlgorithm.Should().Be("RSA");
        rsa.KeySize.Should().Be(2048);
        rsa.SignatureAlgorithm.Should().Be(valid.SignatureAlgorithm);
        rsa.DnsNames.Should().Equal(valid.DnsNames);
        rsa.Subject.Should().Be(valid.Subject);
        rsa.ExtendedKeyUsages.Should().Equal(valid.ExtendedKeyUsages);
        rsa.IsCertificateAuthority.Should().BeFalse();
        (rsa.NotBefore, rsa.NotAfter).Should().Be((valid.NotBefore, valid.NotAfter));
    }

    [Fact]
    public void A_sha1_signed_leaf_is_signed_with_sha1WithRSAEncryption_and_has_an_RSA_2048_key()
    {
        using var issued = authorities.Root.Issue(LeafProfile.Sha1Signed, Hosts);
        var leaf = CertificateEvidence.From(issued.Leaf);

        leaf.SignatureAlgorithmOid.Should().Be("1.2.840.113549.1.1.5");
        leaf.KeyAlgorithm.Should().Be("RSA");
        leaf.KeySize.Should().Be(2048);
        issued.Leaf.HasPrivateKey.Should().BeTrue();
    }

    [Fact]
    public void A_CA_true_leaf_says_it_is_a_certificate_authority()
    {
        var leaf = Issue(LeafProfile.CaTrueLeaf);

        leaf.IsCertificateAuthority.Should().BeTrue();
        leaf.DnsNames.Should().Equal(Hosts);
    }

    [Fact]
    public void A_client_auth_only_leaf_allows_client_authentication_and_nothing_else()
    {
        var leaf = Issue(LeafProfile.ClientAuthOnly);

        leaf.ExtendedKeyUsages.Should().Equal(ClientAuthOid);
    }

    [Fact]
    public void An_over_long_leaf_lasts_825_days()
    {
        var leaf = Issue(LeafProfile.OverLongLifetime);

        (leaf.NotAfter - leaf.NotBefore).Should().Be(TimeSpan.FromDays(825));
    }

    [Fact]
    public void An_expiring_soon_leaf_has_ten_days_left()
    {
        var now = DateTimeOffset.UtcNow;
        var leaf = Issue(LeafProfile.ExpiringSoon, now);

        (leaf.NotAfter - now).Should().BeCloseTo(TimeSpan.FromDays(10), TimeSpan.FromSeconds(1));
        leaf.NotBefore.Should().BeBefore(now);
    }
}
