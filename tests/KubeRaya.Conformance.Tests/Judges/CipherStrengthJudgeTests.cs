using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class CipherStrengthJudgeTests
{
    private static readonly string[] WeakSuites =
    [
        "TLS_RSA_WITH_NULL_SHA256", "TLS_RSA_EXPORT_WITH_RC4_40_MD5", "TLS_DH_anon_WITH_AES_128_CBC_SHA",
        "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
    ];

    private static List<LegacyHandshakeEvidence> WeakRefused() => [Make.Offer("TLS1.2", LegacyHandshakeResult.Refused, WeakSuites)];

    [Theory]
    [InlineData("TLS_AES_256_GCM_SHA384")]
    [InlineData("TLS_CHACHA20_POLY1305_SHA256")]
    [InlineData("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")]
    [InlineData("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256")]
    [InlineData("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384")]
    [InlineData("TLS_ECDHE_ECDSA_WITH_AES_128_CCM")]
    [InlineData("tls_ecdhe_rsa_with_aes_128_gcm_sha256")]
    public void An_AEAD_suite_with_forward_secrecy_and_refused_weak_offers_pass(string suite)
    {
        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.Handshake() with { CipherSuite = suite }, WeakRefused());

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-TLS-04");
        verdict.Observed.Should().Contain(suite);
    }

    [Theory]
    [InlineData("TLS_RSA_WITH_AES_128_GCM_SHA256")]
    [InlineData("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")]
    [InlineData("TLS_RSA_WITH_AES_256_CBC_SHA")]
    [InlineData("TLS_DH_anon_WITH_AES_128_GCM_SHA256")]
    [InlineData("TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8")]
    public void A_modern_suite_without_AEAD_or_forward_secrecy_fails(string suite)
    {
        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.Handshake() with { CipherSuite = suite }, WeakRefused());

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain($"negotiated {suite}, which is not AEAD with forward secrecy");
    }

    [Fact]
    public void An_accepted_weak_offer_fails_naming_the_suite()
    {
        var offers = new List<LegacyHandshakeEvidence> { Make.Offer("TLS1.2", LegacyHandshakeResult.Accepted, WeakSuites) };

        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.Handshake(), offers);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("weak-suite TLS1.2 offer accepted: ServerHello TLS1.2 with TLS_RSA_WITH_NULL_SHA256");
    }

    [Fact]
    public void A_weak_offer_with_no_answer_cannot_decide()
    {
        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.Handshake(), [Make.Offer("TLS1.2", LegacyHandshakeResult.NoAnswer, WeakSuites)]);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("got no answer (nothing within 5 s)");
    }

    [Fact]
    public void A_weak_offer_that_also_offers_a_strong_suite_proves_nothing()
    {
        var suites = WeakSuites.Append("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").ToArray();

        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.Handshake(), [Make.Offer("TLS1.2", LegacyHandshakeResult.Refused, suites)]);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("not weak: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]");
    }

    [Fact]
    public void Weak_offers_must_cover_every_weakness_family()
    {
        var offers = new List<LegacyHandshakeEvidence> { Make.Offer("TLS1.2", LegacyHandshakeResult.Refused, "TLS_RSA_WITH_RC4_128_SHA") };

        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.Handshake(), offers);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("no weak-suite offer covered NULL, EXPORT, anon, DES/3DES, static-RSA CBC");
    }

    [Fact]
    public void Single_DES_counts_as_weak()
    {
        var suites = WeakSuites.Append("TLS_DHE_RSA_WITH_DES_CBC_SHA").ToArray();

        CipherStrengthJudge.Judge(Make.Host, Make.Handshake(), [Make.Offer("TLS1.2", LegacyHandshakeResult.Refused, suites)]).Outcome.Should().Be(Outcome.Passed);
    }

    [Fact]
    public void A_weak_offer_at_an_old_version_proves_nothing_about_suites()
    {
        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.Handshake(), [Make.Offer("TLS1.0", LegacyHandshakeResult.Refused, WeakSuites)]);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("weak-suite offer at TLS1.0 may be refused for its version");
    }

    [Fact]
    public void No_weak_offer_at_all_cannot_decide() =>
        CipherStrengthJudge.Judge(Make.Host, Make.Handshake(), []).Outcome.Should().Be(Outcome.Error);

    [Fact]
    public void A_suite_not_named_the_IANA_way_cannot_decide()
    {
        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.Handshake() with { CipherSuite = "0xC02F" }, WeakRefused());

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("\"0xC02F\"");
    }

    [Fact]
    public void A_modern_handshake_that_fails_fails()
    {
        var verdict = CipherStrengthJudge.Judge(Make.Host, Make.FailedHandshake(Make.Host, "alert insufficient_security"), WeakRefused());

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("alert insufficient_security");
    }
}
