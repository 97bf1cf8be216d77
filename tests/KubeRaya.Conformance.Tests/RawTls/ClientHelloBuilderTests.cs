using FluentAssertions;
using KubeRaya.Conformance.Probes.RawTls;
using Xunit;

namespace KubeRaya.Conformance.Tests.RawTls;

public sealed class ClientHelloBuilderTests
{
    private static readonly byte[] FixedRandom = Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray();

    private static ClientHelloOffer Offer(TlsVersion version, string? host = "legacy.example.test", params ushort[] codes) => new()
    {
        Version = version,
        Suites = codes.Length == 0 ? CipherSuiteCatalogue.UsableAt(version) : codes.Select(c => CipherSuiteCatalogue.Find(c)!).ToList(),
        ServerName = host,
    };

    [Fact]
    public void An_SSLv3_hello_with_one_suite_is_exactly_the_bytes_RFC_6101_lays_out()
    {
        var bytes = ClientHelloBuilder.Build(Offer(TlsVersion.Ssl3, "ignored.test", 0x002F), Enumerable.Repeat((byte)0x11, 32).ToArray());

        byte[] expected =
        [
            0x16, 0x03, 0x00, 0x00, 0x2D, // handshake record, SSL 3.0, 45 bytes
            0x01, 0x00, 0x00, 0x29, // client_hello, 41 bytes
            0x03, 0x00, // client_version SSL 3.0
            .. Enumerable.Repeat((byte)0x11, 32), // random
            0x00, // empty session id
            0x00, 0x02, 0x00, 0x2F, // one suite: TLS_RSA_WITH_AES_128_CBC_SHA
            0x01, 0x00, // null compression only
        ];
        bytes.Should().Equal(expected, "an SSLv3 hello has no extensions, not even SNI");
    }

    [Fact]
    public void A_TLS_1_0_hello_parses_back_to_the_version_random_and_suites_it_was_built_from()
    {
        var offer = Offer(TlsVersion.Tls10);

        var hello = ParsedClientHello.Parse(ClientHelloBuilder.Build(offer, FixedRandom));

        hello.ContentType.Should().Be(22);
        hello.RecordVersion.Should().Be(0x0301);
        hello.HandshakeType.Should().Be(1);
        hello.ClientVersion.Should().Be(0x0301);
        hello.Random.Should().Equal(FixedRandom);
        hello.SessionId.Should().BeEmpty();
        hello.Suites.Should().Equal(offer.Suites.Select(s => s.Code));
        hello.CompressionMethods.Should().Equal(0);
    }

    [Fact]
    public void Every_length_field_counts_exactly_the_bytes_that_follow_it()
    {
        foreach (var version in new[] { TlsVersion.Ssl3, TlsVersion.Tls10, TlsVersion.Tls11, TlsVersion.Tls12 })
        {
            var bytes = ClientHelloBuilder.Build(Offer(version), FixedRandom);

            var hello = ParsedClientHello.Parse(bytes); // throws on any length that does not match
            hello.RecordLength.Should().Be(bytes.Length - 5, $"the {version} record length covers the handshake");
            hello.HandshakeLength.Should().Be(bytes.Length - 9, $"the {version} handshake length covers the body");
        }
    }

    [Fact]
    public void A_TLS_1_2_hello_carries_sni_groups_point_formats_signature_algorithms_and_renegotiation_info()
    {
        var hello = ParsedClientHello.Parse(ClientHelloBuilder.Build(Offer(TlsVersion.Tls12), FixedRandom));

        hello.ClientVersion.Should().Be(0x0303);
        hello.RecordVersion.Should().Be(0x0301, "deployed clients put {3,1} in the record header of an initial hello");
        hello.ServerName.Should().Be("legacy.example.test");
        hello.UInt16ListExtension(10).Should().Contain([0x001D, 0x0017, 0x0018], "x25519 and the NIST curves let ECDHE suites be chosen");
        hello.Extension(11).Should().Equal(1, 0);
        hello.UInt16ListExtension(13).Should().Contain([0x0401, 0x0403, 0x0804]);
        hello.Extension(0xFF01).Should().Equal(0);
        hello.Extensions!.Select(e => e.Type).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void TLS_1_0_and_1_1_hellos_leave_out_signature_algorithms()
    {
        foreach (var version in new[] { TlsVersion.Tls10, TlsVersion.Tls11 })
        {
            var hello = ParsedClientHello.Parse(ClientHelloBuilder.Build(Offer(version), FixedRandom));

            hello.Extension(13).Should().BeNull($"signature_algorithms is not defined for {version}");
            hello.Extension(0).Should().NotBeNull();
            hello.Extension(0xFF01).Should().NotBeNull();
        }
    }

    [Fact]
    public void The_server_name_is_sent_without_a_trailing_dot()
    {
        var hello = ParsedClientHello.Parse(ClientHelloBuilder.Build(Offer(TlsVersion.Tls12, "app.example.test."), FixedRandom));

        hello.ServerName.Should().Be("app.example.test");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData(null)]
    public void An_IP_literal_or_no_host_sends_no_server_name(string? host)
    {
        var hello = ParsedClientHello.Parse(ClientHelloBuilder.Build(Offer(TlsVersion.Tls12, host), FixedRandom));

        hello.Extension(0).Should().BeNull("RFC 6066 allows no literal addresses in SNI");
        hello.Extension(10).Should().NotBeNull();
    }

    [Fact]
    public void A_hello_that_would_be_256_to_511_bytes_long_is_padded_to_512()
    {
        // 60 suites make a TLS 1.2 hello of a little over 256 bytes before padding.
        var offer = Offer(TlsVersion.Tls12) with { Suites = CipherSuiteCatalogue.All.Take(60).ToList() };

        var bytes = ClientHelloBuilder.Build(offer, FixedRandom);

        var hello = ParsedClientHello.Parse(bytes);
        hello.Extension(21).Should().NotBeNull().And.OnlyContain(b => b == 0);
        (hello.HandshakeLength + 4).Should().Be(512);
    }

    [Fact]
    public void A_short_hello_is_not_padded()
    {
        var bytes = ClientHelloBuilder.Build(Offer(TlsVersion.Tls12, "a.test", 0xC02F), FixedRandom);

        var hello = ParsedClientHello.Parse(bytes);
        hello.Extension(21).Should().BeNull();
        (hello.HandshakeLength + 4).Should().BeLessThan(256);
    }

    [Fact]
    public void Each_hello_gets_fresh_random_bytes()
    {
        var offer = Offer(TlsVersion.Tls10);

        var first = ParsedClientHello.Parse(ClientHelloBuilder.Build(offer)).Random;
        var second = ParsedClientHello.Parse(ClientHelloBuilder.Build(offer)).Random;

        first.Should().NotEqual(second);
    }

    [Fact]
    public void A_host_that_is_not_ascii_or_an_empty_suite_list_is_refused()
    {
        var international = () => ClientHelloBuilder.Build(Offer(TlsVersion.Tls12, "bücher.example"), FixedRandom);
        var noSuites = () => ClientHelloBuilder.Build(Offer(TlsVersion.Tls12) with { Suites = [] }, FixedRandom);

        international.Should().Throw<ArgumentException>().WithMessage("*A-label*");
        noSuites.Should().Throw<ArgumentException>().WithMessage("*at least one cipher suite*");
    }
}
