using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class KeyStrengthJudgeTests
{
    private const string RsaPss = "1.2.840.113549.1.1.10";

    [Theory]
    [InlineData("EC", 256)]
    [InlineData("EC", 384)]
    [InlineData("RSA", 2048)]
    [InlineData("RSA", 4096)]
    public void A_strong_key_a_SHA_2_signature_and_a_short_lived_leaf_pass(string algorithm, int bits)
    {
        var verdict = KeyStrengthJudge.Judge(Make.Host, Make.Leaf() with { KeyAlgorithm = algorithm, KeySize = bits });

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-CERT-05");
        verdict.Observed.Should().Contain($"{algorithm} {bits} bits");
    }

    [Theory]
    [InlineData("RSA", 1024, "RSA key of 1024 bits")]
    [InlineData("EC", 224, "EC key of 224 bits")]
    [InlineData("DSA", 2048, "key algorithm DSA is neither RSA nor EC")]
    public void A_weak_or_foreign_key_fails(string algorithm, int bits, string words)
    {
        var verdict = KeyStrengthJudge.Judge(Make.Host, Make.Leaf() with { KeyAlgorithm = algorithm, KeySize = bits, Curve = null });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain(words);
    }

    [Theory]
    [InlineData("1.2.840.113549.1.1.5", "sha1RSA", "SHA-1")]
    [InlineData("1.2.840.113549.1.1.4", "md5RSA", "MD5")]
    [InlineData("1.2.840.10045.4.1", "sha1ECDSA", "SHA-1")]
    [InlineData("1.3.14.3.2.29", "sha1RSA", "SHA-1")]
    public void A_signature_with_a_broken_hash_fails_by_OID(string oid, string name, string hash)
    {
        var verdict = KeyStrengthJudge.Judge(Make.Host, Make.Leaf() with { SignatureAlgorithmOid = oid, SignatureAlgorithm = name });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"signature {name} ({oid}) uses {hash}");
    }

    [Fact]
    public void A_signature_is_judged_by_OID_not_by_its_friendly_name()
    {
        var verdict = KeyStrengthJudge.Judge(Make.Host, Make.Leaf() with { SignatureAlgorithmOid = "1.2.840.113549.1.1.5", SignatureAlgorithm = "sha256RSA" });

        verdict.Outcome.Should().Be(Outcome.Failed);
    }

    [Fact]
    public void A_CA_leaf_fails()
    {
        var verdict = KeyStrengthJudge.Judge(Make.Host, Make.Leaf() with { IsCertificateAuthority = true });

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("CA:TRUE");
    }

    [Fact]
    public void A_lifetime_over_398_days_fails_and_the_count_includes_both_ends()
    {
        var exactly398 = Make.Leaf() with { NotBefore = Make.Now, NotAfter = Make.Now.AddDays(398).AddSeconds(-1) };
        var oneSecondMore = exactly398 with { NotAfter = Make.Now.AddDays(398) };
        var overLong = exactly398 with { NotAfter = Make.Now.AddDays(825) };

        KeyStrengthJudge.Judge(Make.Host, exactly398).Outcome.Should().Be(Outcome.Passed);
        KeyStrengthJudge.Judge(Make.Host, oneSecondMore).Outcome.Should().Be(Outcome.Failed);
        var verdict = KeyStrengthJudge.Judge(Make.Host, overLong);
        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("lifetime 825 days 00:00:01");
    }

    [Fact]
    public void Several_weaknesses_are_all_named()
    {
        var verdict = KeyStrengthJudge.Judge(Make.Host, Make.Leaf() with { KeyAlgorithm = "RSA", KeySize = 1024, IsCertificateAuthority = true });

        verdict.Observed.Should().Contain("RSA key of 1024 bits").And.Contain("CA:TRUE");
    }

    [Fact]
    public void An_RSA_PSS_signature_is_judged_by_the_hash_in_its_parameters()
    {
        using var rsa = RSA.Create(1024);
        var request = new CertificateRequest("CN=a.example.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using var cert = request.CreateSelfSigned(Make.Now.AddDays(-1), Make.Now.AddDays(90));
        var real = CertificateEvidence.From(cert);
        var sha1 = Make.Leaf() with { SignatureAlgorithmOid = RsaPss, SignatureAlgorithm = "RSASSA-PSS", DerBase64 = PssShell("1.3.14.3.2.26") };

        real.SignatureAlgorithmOid.Should().Be(RsaPss);
        SignatureHash.BrokenHashOf(real).Should().BeNull();
        var verdict = KeyStrengthJudge.Judge(Make.Host, sha1);
        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"RSASSA-PSS ({RsaPss}) uses SHA-1");
    }

    [Fact]
    public void RSA_PSS_without_a_hash_parameter_means_SHA_1()
    {
        var leaf = Make.Leaf() with { SignatureAlgorithmOid = RsaPss, SignatureAlgorithm = "RSASSA-PSS", DerBase64 = PssShell(hashOid: null) };

        KeyStrengthJudge.Judge(Make.Host, leaf).Observed.Should().Contain("uses SHA-1");
        KeyStrengthJudge.Judge(Make.Host, leaf with { DerBase64 = PssShell("2.16.840.1.101.3.4.2.1") }).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public void An_unreadable_RSA_PSS_certificate_cannot_decide()
    {
        var leaf = Make.Leaf() with { SignatureAlgorithmOid = RsaPss, DerBase64 = Convert.ToBase64String([0x30, 0x03, 0x02]) };

        var verdict = KeyStrengthJudge.Judge(Make.Host, leaf);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("cannot be read");
    }

    [Fact]
    public void No_certificate_cannot_decide() =>
        KeyStrengthJudge.Judge(Make.Host, null).Outcome.Should().Be(Outcome.Error);

    /// <summary>A certificate-shaped DER whose outer signatureAlgorithm is RSASSA-PSS with the given hash (or none).</summary>
    private static string PssShell(string? hashOid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
            }
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(RsaPss);
                using (writer.PushSequence())
                {
                    if (hashOid is not null)
                    {
                        var explicitZero = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
                        using (writer.PushSequence(explicitZero))
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(hashOid);
                        }
                    }
                    using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2, isConstructed: true)))
                    {
                        writer.WriteInteger(32);
                    }
                }
            }
            writer.WriteBitString([0x00]);
        }
        return Convert.ToBase64String(writer.Encode());
    }
}
