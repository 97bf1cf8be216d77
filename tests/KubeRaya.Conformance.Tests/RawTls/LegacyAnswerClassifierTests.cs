using FluentAssertions;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Probes.RawTls;
using Xunit;

namespace KubeRaya.Conformance.Tests.RawTls;

public sealed class LegacyAnswerClassifierTests
{
    private static readonly LegacyOffer Tls10Offer = LegacyOffers.LegacyProtocols("shop.example.test").Single(o => o.Hello.Version == TlsVersion.Tls10);
    private static readonly LegacyOffer Tls11Offer = LegacyOffers.LegacyProtocols("shop.example.test").Single(o => o.Hello.Version == TlsVersion.Tls11);
    private static readonly LegacyOffer Rc4Offer = LegacyOffers.WeakCiphers("shop.example.test").Single(o => o.Description.Contains("RC4", StringComparison.Ordinal));

    private static ServerAnswer Hello(TlsVersion version, ushort suite, byte compression = 0) => new()
    {
        Kind = ServerAnswerKind.ServerHello,
        Hello = new ServerHello(TlsVersion.Tls10, version, null, suite, compression),
        Detail = "a ServerHello",
    };

    [Fact]
    public void A_ServerHello_at_the_offered_legacy_version_is_an_acceptance_with_every_field_filled()
    {
        var evidence = LegacyAnswerClassifier.Classify(Tls10Offer, Hello(TlsVersion.Tls10, 0xC013), "127.0.0.1", 8443);

        evidence.Result.Should().Be(LegacyHandshakeResult.Accepted);
        evidence.Host.Should().Be("shop.example.test");
        evidence.Address.Should().Be("127.0.0.1");
        evidence.Port.Should().Be(8443);
        evidence.Purpose.Should().Be("legacy-protocol");
        evidence.OfferedVersion.Should().Be("TLS1.0");
        evidence.OfferedSuites.Should().Contain("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA").And.HaveCount(Tls10Offer.Hello.Suites.Count);
        evidence.NegotiatedVersion.Should().Be("TLS1.0");
        evidence.NegotiatedSuite.Should().Be("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        evidence.Alert.Should().BeNull();
        evidence.Detail.Should().StartWith("The server accepted the TLS1.0 ClientHello offering");
    }

    [Fact]
    public void A_TLS_1_2_ServerHello_to_a_TLS_1_0_offer_is_not_an_acceptance_and_says_what_came_back()
    {
        var evidence = LegacyAnswerClassifier.Classify(Tls10Offer, Hello(TlsVersion.Tls12, 0xC013), "127.0.0.1", 443);

        evidence.Result.Should().Be(LegacyHandshakeResult.Refused);
        evidence.NegotiatedVersion.Should().Be("TLS1.2");
        evidence.NegotiatedSuite.Should().Be("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        evidence.Detail.Should().Contain("did not accept").And.Contain("above the TLS1.0 offered");
    }

    [Fact]
    public void A_ServerHello_below_the_offered_version_is_an_acceptance_of_that_lower_version()
    {
        var evidence = LegacyAnswerClassifier.Classify(Tls11Offer, Hello(TlsVersion.Tls10, 0x002F), "127.0.0.1", 443);

        evidence.Result.Should().Be(LegacyHandshakeResult.Accepted);
        evidence.OfferedVersion.Should().Be("TLS1.1");
        evidence.NegotiatedVersion.Should().Be("TLS1.0");
        evidence.Detail.Should().Contain("below the TLS1.1 offered");
    }

    [Fact]
    public void A_weak_suite_chosen_at_TLS_1_2_is_an_acceptance_of_the_weak_offer()
    {
        var evidence = LegacyAnswerClassifier.Classify(Rc4Offer, Hello(TlsVersion.Tls12, 0x0005), "127.0.0.1", 443);

        evidence.Result.Should().Be(LegacyHandshakeResult.Accepted);
        evidence.Purpose.Should().Be("weak-ciphers");
        evidence.NegotiatedSuite.Should().Be("TLS_RSA_WITH_RC4_128_SHA");
    }

    [Fact]
    public void A_ServerHello_choosing_a_suite_never_offered_is_unintelligible_not_a_refusal()
    {
        var evidence = LegacyAnswerClassifier.Classify(Rc4Offer, Hello(TlsVersion.Tls12, 0xC02F), "127.0.0.1", 443);

        evidence.Result.Should().Be(LegacyHandshakeResult.Unintelligible);
        evidence.NegotiatedSuite.Should().Be("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        evidence.Detail.Should().Contain("protocol violation");
    }

    [Fact]
    public void A_ServerHello_choosing_compression_that_was_not_offered_is_unintelligible()
    {
        var evidence = LegacyAnswerClassifier.Classify(Tls10Offer, Hello(TlsVersion.Tls10, 0xC013, compression: 1), "127.0.0.1", 443);

        evidence.Result.Should().Be(LegacyHandshakeResult.Unintelligible);
    }

    [Fact]
    public void An_alert_is_a_refusal_named_by_its_description()
    {
        var answer = new ServerAnswer { Kind = ServerAnswerKind.Alert, Alert = new TlsAlert(2, 40), Detail = "a fatal handshake_failure alert" };

        var evidence = LegacyAnswerClassifier.Classify(Rc4Offer, answer, "127.0.0.1", 443);

        evidence.Result.Should().Be(LegacyHandshakeResult.Refused);
        evidence.Alert.Should().Be("handshake_failure");
        evidence.NegotiatedVersion.Should().BeNull();
        evidence.Detail.Should().Be($"The server refused the {Rc4Offer.Description}: a fatal handshake_failure alert.");
    }

    [Theory]
    [InlineData(ServerAnswerKind.Closed, LegacyHandshakeResult.Closed)]
    [InlineData(ServerAnswerKind.NoAnswer, LegacyHandshakeResult.NoAnswer)]
    [InlineData(ServerAnswerKind.Unintelligible, LegacyHandshakeResult.Unintelligible)]
    public void Answers_without_a_ServerHello_or_an_alert_keep_their_kind(ServerAnswerKind kind, LegacyHandshakeResult result)
    {
        var evidence = LegacyAnswerClassifier.Classify(Tls10Offer, new ServerAnswer { Kind = kind, Detail = "what came back" }, "127.0.0.1", 443);

        evidence.Result.Should().Be(result);
        evidence.Detail.Should().Contain("what came back");
    }
}
