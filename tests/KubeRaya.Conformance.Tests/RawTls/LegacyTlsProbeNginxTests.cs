using FluentAssertions;
using FluentAssertions.Execution;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes.RawTls;
using KubeRaya.Conformance.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace KubeRaya.Conformance.Tests.RawTls;

/// <summary>The probe against Debian's nginx, configured modern, or wrong in exactly one way.</summary>
public sealed class LegacyTlsProbeNginxTests(ITestOutputHelper output)
{
    private const string Host = "legacy.example.test";

    /// <summary>The suites upstream ingress-nginx allows by default: ECDHE/DHE with AEAD only.</summary>
    private const string ModernCiphers =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
        + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384";

    private static readonly LegacyTlsProbe Probe = new(new Timeouts
    {
        Connect = new NamedTimeout("connect", TimeSpan.FromSeconds(5)),
        RawHello = new NamedTimeout("raw-hello", TimeSpan.FromSeconds(5)),
    });

    private static Task<NginxServer> StartTlsAsync(string protocols, string ciphers) =>
        NginxServer.StartAsync(
            $$"""
                server {
                    listen 127.0.0.1:{{NginxServer.PortToken}} ssl;
                    server_name {{Host}};
                    ssl_certificate {{NginxServer.DirectoryToken}}/{{TestServerCertificate.CertificateFile}};
                    ssl_certificate_key {{NginxServer.DirectoryToken}}/{{TestServerCertificate.KeyFile}};
                    ssl_protocols {{protocols}};
                    ssl_ciphers "{{ciphers}}";
                    ssl_prefer_server_ciphers on;
                    return 200 "ok\n";
                }
            """,
            TestServerCertificate.RsaFiles(Host),
            CancellationToken.None);

    private void Show(IEnumerable<LegacyHandshakeEvidence> evidence)
    {
        foreach (var e in evidence) output.WriteLine($"{e.OfferedVersion} {e.Result} {e.NegotiatedVersion} {e.NegotiatedSuite} {e.Alert}: {e.Detail}");
    }

    [Fact]
    public async Task A_modern_nginx_refuses_SSLv3_TLS_1_0_and_TLS_1_1()
    {
        await using var nginx = await StartTlsAsync("TLSv1.2 TLSv1.3", ModernCiphers);

        var evidence = await Probe.ProbeLegacyProtocolsAsync(NginxServer.Address, nginx.Port, Host, CancellationToken.None);

        Show(evidence);
        evidence.Select(e => e.OfferedVersion).Should().Equal("SSLv3", "TLS1.0", "TLS1.1");
        evidence.Should().OnlyContain(e => e.Result == LegacyHandshakeResult.Refused);
        evidence[0].Alert.Should().Be("handshake_failure", "OpenSSL without SSLv3 finds no suite for an SSLv3 hello");
        evidence.Skip(1).Should().OnlyContain(e => e.Alert == "protocol_version");
        evidence.Should().OnlyContain(e => e.Purpose == "legacy-protocol" && e.Host == Host && e.Port == nginx.Port && e.Address == "127.0.0.1");
    }

    [Fact]
    public async Task A_modern_nginx_refuses_every_weak_only_offer()
    {
        await using var nginx = await StartTlsAsync("TLSv1.2 TLSv1.3", ModernCiphers);

        var evidence = await Probe.ProbeWeakCiphersAsync(NginxServer.Address, nginx.Port, Host, CancellationToken.None);

        Show(evidence);
        evidence.Should().HaveCount(6).And.OnlyContain(e => e.Result == LegacyHandshakeResult.Refused && e.Alert == "handshake_failure");
        evidence.Should().OnlyContain(e => e.Purpose == "weak-ciphers" && e.OfferedVersion == "TLS1.2");
    }

    [Fact]
    public async Task An_nginx_that_still_allows_TLS_1_0_and_1_1_is_caught_accepting_them()
    {
        await using var nginx = await StartTlsAsync("TLSv1 TLSv1.1 TLSv1.2", "DEFAULT:@SECLEVEL=0");

        var evidence = await Probe.ProbeLegacyProtocolsAsync(NginxServer.Address, nginx.Port, Host, CancellationToken.None);

        Show(evidence);
        using (new AssertionScope())
        {
            evidence[0].Result.Should().NotBe(LegacyHandshakeResult.Accepted, "Debian's OpenSSL has no SSLv3 at all");
            evidence[1].Result.Should().Be(LegacyHandshakeResult.Accepted);
            evidence[1].NegotiatedVersion.Should().Be("TLS1.0");
            evidence[1].NegotiatedSuite.Should().StartWith("TLS_").And.Match(s => evidence[1].OfferedSuites.Contains(s));
            evidence[2].Result.Should().Be(LegacyHandshakeResult.Accepted);
            evidence[2].NegotiatedVersion.Should().Be("TLS1.1");
        }
    }

    [Theory]
    [InlineData("AES128-SHA", CipherSuiteGroup.StaticRsaCbc, "TLS_RSA_WITH_AES_128_CBC_SHA")]
    [InlineData("NULL-SHA:@SECLEVEL=0", CipherSuiteGroup.Null, "TLS_RSA_WITH_NULL_SHA")]
    [InlineData("AECDH-AES128-SHA:@SECLEVEL=0", CipherSuiteGroup.Anonymous, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA")]
    public async Task An_nginx_that_allows_one_weak_suite_is_caught_accepting_exactly_that_group(string weakSuite, CipherSuiteGroup group, string expectedSuite)
    {
        await using var nginx = await StartTlsAsync("TLSv1.2 TLSv1.3", $"{ModernCiphers}:{weakSuite}");

        var evidence = await Probe.ProbeWeakCiphersAsync(NginxServer.Address, nginx.Port, Host, CancellationToken.None);

        Show(evidence);
        var label = $"only {CipherSuiteCatalogue.Describe(group)} suites";
        var accepted = evidence.Should().ContainSingle(e => e.Result == LegacyHandshakeResult.Accepted).Subject;
        accepted.Detail.Should().Contain(label);
        accepted.NegotiatedVersion.Should().Be("TLS1.2");
        accepted.NegotiatedSuite.Should().Be(expectedSuite);
        evidence.Where(e => e != accepted).Should().OnlyContain(e => e.Result == LegacyHandshakeResult.Refused);
    }

    [Fact]
    public async Task The_probe_and_openssl_s_client_agree_on_which_nginx_speaks_TLS_1_0_and_with_which_suite()
    {
        await using var legacy = await StartTlsAsync("TLSv1 TLSv1.1 TLSv1.2", "DEFAULT:@SECLEVEL=0");
        await using var modern = await StartTlsAsync("TLSv1.2 TLSv1.3", ModernCiphers);

        foreach (var (nginx, speaksTls10) in new[] { (legacy, true), (modern, false) })
        {
            var probe = (await Probe.ProbeLegacyProtocolsAsync(NginxServer.Address, nginx.Port, Host, CancellationToken.None)).Single(e => e.OfferedVersion == "TLS1.0");
            var sClient = await OpenSslCli.RunAsync("s_client", "-connect", $"127.0.0.1:{nginx.Port}", "-servername", Host, "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0");
            var session = sClient.Split('\n').Single(line => line.StartsWith("New, ", StringComparison.Ordinal));
            output.WriteLine($"probe: {probe.Result} {probe.NegotiatedSuite}; s_client: {session}");

            probe.Result.Should().Be(speaksTls10 ? LegacyHandshakeResult.Accepted : LegacyHandshakeResult.Refused);
            session.Should().StartWith(speaksTls10 ? "New, TLSv1.0, Cipher is " : "New, (NONE), Cipher is (NONE)");
            if (speaksTls10)
                (await OpenSslCli.StandardNameAsync(session["New, TLSv1.0, Cipher is ".Length..].Trim())).Should().Be(probe.NegotiatedSuite,
                    "with server preference on, nginx picks the same suite for both clients");
        }
    }
}
