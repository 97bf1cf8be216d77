using System.Diagnostics;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

public sealed class TlsProbeTests
{
    private static readonly TestCertificates Pki = TestCertificates.Shared;
    private const string Host = TestCertificates.AppHost;
    private static readonly RequestDelegate App = context => context.Response.WriteAsync("application content");

    private TlsProbe Probe(Polling.Timeouts? timeouts = null) => new(timeouts ?? ProbeTimeouts.Normal, Pki.Bundle);

    [Fact]
    public async Task A_healthy_server_shows_protocol_suite_ALPN_its_chain_as_sent_and_a_trusted_chain()
    {
        var issued = Pki.Issue(LeafProfile.Valid, Host);
        await using var server = await KestrelServer.StartHttpsAsync(TestCertificates.Context(issued), App);

        var evidence = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.Failure.Should().BeNull();
        evidence.Completed.Should().BeTrue();
        evidence.Sni.Should().Be(Host);
        evidence.Port.Should().Be(server.Port);
        evidence.Protocol.Should().Be("Tls13");
        evidence.CipherSuite.Should().MatchRegex("^TLS_AES_(128|256)_GCM_SHA(256|384)$|^TLS_CHACHA20_POLY1305_SHA256$");
        evidence.Alpn.Should().Be("h2");
        evidence.ServedChain.Select(c => c.Subject).Should().Equal(issued.Leaf.Subject, Pki.Intermediate.Certificate.Subject);
        evidence.Leaf!.DnsNames.Should().Equal(Host);
        evidence.ChainValidation!.Trusted.Should().BeTrue();
        evidence.ChainValidation.Problems.Should().BeEmpty();
        evidence.ChainValidation.BuiltChain.Should().HaveCount(3).And.EndWith(Fingerprint(Pki.Root.Certificate));
        evidence.HttpStatus.Should().Be(200);
    }

    [Fact]
    public async Task An_omitted_intermediate_shows_as_a_one_certificate_chain_that_cannot_be_built()
    {
        var issued = Pki.Issue(LeafProfile.Valid, Host);
        await using var server = await KestrelServer.StartHttpsAsync(TestCertificates.Context(issued, includeIntermediates: false), App);

        var evidence = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.Completed.Should().BeTrue("the probe records every chain; judging it is not its business");
        evidence.ServedChain.Should().ContainSingle().Which.Subject.Should().Be(issued.Leaf.Subject);
        evidence.ChainValidation!.Trusted.Should().BeFalse();
        evidence.ChainValidation.Problems.Should().Contain(p => p.StartsWith("PartialChain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chain_to_a_root_outside_the_bundle_is_recorded_and_not_trusted()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), App);
        using var otherRoot = SelfSigned.Leaf("Some other root");
        var probe = new TlsProbe(ProbeTimeouts.Normal, [otherRoot]);

        var evidence = await probe.HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.Completed.Should().BeTrue();
        evidence.ServedChain.Should().HaveCount(2);
        evidence.ChainValidation!.Trusted.Should().BeFalse("the system roots and the served chain's own root do not count, only the bundle");
        evidence.ChainValidation.Problems.Should().NotBeEmpty();
        evidence.HttpStatus.Should().Be(200);
    }

    [Fact]
    public async Task An_empty_bundle_trusts_nothing()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), App);

        var evidence = await new TlsProbe(ProbeTimeouts.Normal, []).HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.ChainValidation!.Trusted.Should().BeFalse();
    }

    [Fact]
    public async Task A_self_signed_default_certificate_is_an_untrusted_root()
    {
        using var selfSigned = SelfSigned.Leaf("ingress.local");
        await using var server = await KestrelServer.StartHttpsAsync(SslStreamCertificateContext.Create(selfSigned, null, offline: true), App);

        var evidence = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.ServedChain.Should().ContainSingle().Which.DnsNames.Should().Equal("ingress.local");
        evidence.ChainValidation!.Trusted.Should().BeFalse();
        evidence.ChainValidation.Problems.Should().Contain(p => p.StartsWith("UntrustedRoot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_leaf_is_not_trusted_and_the_problem_says_it_is_out_of_time()
    {
        var issued = Pki.Issue(LeafProfile.Expired, Host);
        await using var server = await KestrelServer.StartHttpsAsync(TestCertificates.Context(issued), App);

        var evidence = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.Completed.Should().BeTrue();
        evidence.Leaf!.NotAfter.Should().BeBefore(DateTimeOffset.UtcNow);
        evidence.ChainValidation!.Trusted.Should().BeFalse();
        evidence.ChainValidation.Problems.Should().Contain(p => p.StartsWith("NotTimeValid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_HTTP_on_the_HTTPS_port_is_reported_as_not_TLS()
    {
        await using var server = await KestrelServer.StartHttpAsync(App);

        var evidence = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.Completed.Should().BeFalse();
        evidence.Failure.Should().Contain("does not speak TLS").And.Contain("plain HTTP").And.Contain($"127.0.0.1:{server.Port}");
        evidence.ServedChain.Should().BeEmpty();
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_fails_within_the_named_handshake_timeout()
    {
        await using var server = RawTcpServer.Silent();
        var clock = Stopwatch.StartNew();

        var evidence = await Probe(ProbeTimeouts.Short).HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        evidence.Completed.Should().BeFalse();
        evidence.Failure.Should().Contain("sent no TLS answer within the handshake timeout (0.5 s)");
    }

    [Fact]
    public async Task A_port_where_nothing_listens_is_reported_as_refused()
    {
        var endpoint = new ProbeEndpoint("127.0.0.1", 1, FreePort.Next());

        var evidence = await Probe(ProbeTimeouts.Short).HandshakeAsync(endpoint, Host, Host, null, CancellationToken.None);

        evidence.Completed.Should().BeFalse();
        evidence.Failure.Should().Contain("was refused");
    }

    [Fact]
    public async Task Offering_only_TLS_1_3_to_a_TLS_1_2_server_fails_and_names_the_alert()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), App, SslProtocols.Tls12);

        var modern = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);
        var tls13 = await Probe().HandshakeAsync(server.Endpoint, Host, Host, TlsProbeOptions.Tls13Only, CancellationToken.None);

        modern.Protocol.Should().Be("Tls12");
        modern.CipherSuite.Should().StartWith("TLS_ECDHE_");
        tls13.Completed.Should().BeFalse();
        tls13.Failure.Should().Contain("protocol_version");
    }

    [Fact]
    public async Task Offering_only_TLS_1_3_to_a_modern_server_negotiates_TLS_1_3()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), App);

        var evidence = await Probe().HandshakeAsync(server.Endpoint, Host, Host, TlsProbeOptions.Tls13Only, CancellationToken.None);

        evidence.Protocol.Should().Be("Tls13");
    }

    [Fact]
    public async Task The_ALPN_offer_decides_the_protocol_and_the_request_after_the_handshake_speaks_it()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), context => context.Response.WriteAsync(context.Request.Protocol));
        var http11Only = new TlsProbeOptions { ApplicationProtocols = [SslApplicationProtocol.Http11] };

        var offered = await Probe().HandshakeAsync(server.Endpoint, Host, Host, http11Only, CancellationToken.None);
        var none = await Probe().HandshakeAsync(server.Endpoint, Host, Host, new TlsProbeOptions { ApplicationProtocols = [] }, CancellationToken.None);

        offered.Alpn.Should().Be("http/1.1");
        offered.HttpStatus.Should().Be(200);
        none.Alpn.Should().BeNull();
        none.HttpStatus.Should().Be(200);
    }

    [Fact]
    public async Task A_server_without_HTTP_2_selects_http_1_1()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), App, http2: false);

        var evidence = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.Alpn.Should().Be("http/1.1");
        evidence.HttpStatus.Should().Be(200);
    }

    [Fact]
    public async Task A_replaced_certificate_is_seen_by_the_next_handshake()
    {
        var first = Pki.Issue(LeafProfile.Valid, Host);
        var second = Pki.Issue(LeafProfile.Valid, Host);
        await using var server = await KestrelServer.StartHttpsAsync(TestCertificates.Context(first), App);

        var before = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);
        var again = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);
        server.Certificate = TestCertificates.Context(second);
        var after = await Probe().HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        before.Leaf!.Sha256Fingerprint.Should().Be(Fingerprint(first.Leaf));
        again.Leaf!.Sha256Fingerprint.Should().Be(Fingerprint(first.Leaf));
        after.Leaf!.Sha256Fingerprint.Should().Be(Fingerprint(second.Leaf));
    }

    [Fact]
    public async Task Without_a_request_the_handshake_alone_is_recorded()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), App);

        var evidence = await Probe().HandshakeAsync(server.Endpoint, Host, Host, new TlsProbeOptions { SendRequest = false }, CancellationToken.None);

        evidence.Completed.Should().BeTrue();
        evidence.HttpStatus.Should().BeNull();
        server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task A_handshake_that_completes_but_gets_no_HTTP_answer_says_so()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        });

        var evidence = await Probe(ProbeTimeouts.Normal with { Request = new("request", TimeSpan.FromMilliseconds(300)) })
            .HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.Completed.Should().BeTrue();
        evidence.HttpStatus.Should().BeNull();
        evidence.Failure.Should().StartWith("The TLS handshake completed, but the HTTP request after it got no response")
            .And.Contain("request timeout (0.3 s)");
    }

    internal static string Fingerprint(X509Certificate2 certificate) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.RawData));
}
