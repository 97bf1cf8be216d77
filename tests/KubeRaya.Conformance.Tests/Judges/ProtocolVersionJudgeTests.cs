using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class ProtocolVersionJudgeTests
{
    private static List<LegacyHandshakeEvidence> AllRefused() =>
    [
        Make.Offer("SSLv3", LegacyHandshakeResult.Refused),
        Make.Offer("TLS1.0", LegacyHandshakeResult.Refused),
        Make.Offer("TLS1.1", LegacyHandshakeResult.Closed),
    ];

    [Theory]
    [InlineData("Tls13")]
    [InlineData("Tls12")]
    public void A_modern_version_with_every_legacy_offer_refused_passes(string protocol)
    {
        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.Handshake() with { Protocol = protocol }, AllRefused());

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-TLS-03");
        verdict.Observed.Should().Contain("TLS1.0 offer refused (alert protocol_version)").And.Contain("TLS1.1 offer answered by closing");
    }

    [Fact]
    public void An_accepted_legacy_offer_fails_naming_the_server_hello()
    {
        var offers = AllRefused();
        offers[1] = Make.Offer("TLS1.0", LegacyHandshakeResult.Accepted);

        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.Handshake(), offers);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("TLS1.0 offer accepted: ServerHello TLS1.0 with TLS_RSA_WITH_AES_128_CBC_SHA");
    }

    [Fact]
    public void A_modern_client_that_negotiates_an_old_version_fails()
    {
        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.Handshake() with { Protocol = "Tls11" }, AllRefused());

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("negotiated Tls11");
    }

    [Fact]
    public void A_modern_handshake_that_fails_fails()
    {
        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.FailedHandshake(Make.Host, "alert handshake_failure"), AllRefused());

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("alert handshake_failure");
    }

    [Theory]
    [InlineData(LegacyHandshakeResult.NoAnswer, "no answer")]
    [InlineData(LegacyHandshakeResult.Unintelligible, "unintelligible")]
    public void An_offer_neither_accepted_nor_refused_cannot_decide(LegacyHandshakeResult result, string words)
    {
        var offers = AllRefused();
        offers[0] = Make.Offer("SSLv3", result);

        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.Handshake(), offers);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("SSLv3 offer got " + (result == LegacyHandshakeResult.NoAnswer ? "no answer" : "an unintelligible answer")).And.Contain(words);
    }

    [Fact]
    public void An_acceptance_outweighs_an_undecidable_offer()
    {
        List<LegacyHandshakeEvidence> offers =
        [
            Make.Offer("SSLv3", LegacyHandshakeResult.NoAnswer),
            Make.Offer("TLS1.0", LegacyHandshakeResult.Refused),
            Make.Offer("TLS1.1", LegacyHandshakeResult.Accepted),
        ];

        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.Handshake(), offers);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Contain("TLS1.1 offer accepted").And.Contain("also undecided: SSLv3 offer got no answer");
    }

    [Fact]
    public void A_legacy_version_never_offered_cannot_decide()
    {
        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.Handshake(), AllRefused().Take(2).ToList());

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("no offer of TLS1.1");
    }

    [Fact]
    public void An_offer_of_a_modern_version_is_not_legacy_evidence()
    {
        var offers = AllRefused();
        offers.Add(Make.Offer("TLS1.2", LegacyHandshakeResult.Accepted));

        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.Handshake(), offers);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("offer of TLS1.2 is not a legacy-protocol offer");
    }

    [Fact]
    public void An_offer_of_only_weak_suites_may_be_refused_for_its_suites()
    {
        var offers = AllRefused();
        offers[2] = Make.Offer("TLS1.1", LegacyHandshakeResult.Refused, "TLS_RSA_WITH_RC4_128_SHA") with { Purpose = "legacy-protocol" };

        var verdict = ProtocolVersionJudge.Judge(Make.Host, Make.Handshake(), offers);

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("TLS1.1 offer carried only weak suites [TLS_RSA_WITH_RC4_128_SHA]");
    }

    [Fact]
    public void Evidence_about_another_host_cannot_decide()
    {
        var verdict = ProtocolVersionJudge.Judge("b.example.test", Make.Handshake(), AllRefused());

        verdict.Outcome.Should().Be(Outcome.Error);
        verdict.Observed.Should().Contain("a.example.test, not b.example.test");
    }
}
