using FluentAssertions;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

/// <summary>
/// The probes against Debian's nginx configured as an ingress controller configures it: a default server
/// with its own certificate answering 404 to every host it does not know, and one server for the routed host.
/// </summary>
public sealed class NginxProbeTests
{
    private static readonly TestCertificates Pki = TestCertificates.Shared;
    private const string Host = TestCertificates.AppHost;

    private const string IngressLike = """
        server {
            listen 127.0.0.1:{http} default_server;
            listen 127.0.0.1:{https} ssl http2 default_server;
            ssl_certificate {cert:default};
            ssl_certificate_key {key:default};
            return 404 "default backend - 404";
        }
        server {
            listen 127.0.0.1:{http};
            listen 127.0.0.1:{https} ssl http2;
            server_name app.example.test;
            ssl_certificate {cert:app};
            ssl_certificate_key {key:app};
            ssl_protocols TLSv1.2 TLSv1.3;
            return 200 "application content";
        }
        """;

    /// <summary>Starts the ingress; it owns (and disposes) the two certificates.</summary>
    private static Task<NginxServer> StartIngressAsync(IssuedCertificate app, IssuedCertificate fallback) =>
        NginxServer.StartAsync(IngressLike, new Dictionary<string, IssuedCertificate> { ["app"] = app, ["default"] = fallback });

    [Fact]
    public async Task Against_nginx_every_unrouted_variant_reaches_the_default_server_and_the_default_certificate_is_recorded()
    {
        var app = Pki.Issue(LeafProfile.Valid, Host);
        var fallback = Pki.Issue(LeafProfile.Valid, "ingress.local");
        await using var nginx = await StartIngressAsync(app, fallback);
        var probe = new HostScopeProbe(new HttpProbe(ProbeTimeouts.Normal), new TlsProbe(ProbeTimeouts.Normal, Pki.Bundle));

        var evidence = await probe.ProbeAsync(nginx.Endpoint, Host, [Host], CancellationToken.None);

        evidence.ApplicationBaseline!.Status.Should().Be(200);
        evidence.ApplicationBaseline.Body.Should().Be("application content");
        evidence.Exchanges.Should().HaveCount(9).And.OnlyContain(e => e.Exchange.Status >= 400 && e.Exchange.Status < 500,
            "nginx routes by Host, whatever the SNI");
        evidence.Exchanges.Should().OnlyContain(e => !e.Exchange.Body.Contains("application content"));
        evidence.Handshakes.Should().HaveCount(3).And.OnlyContain(h => h.Handshake.Completed && h.Handshake.Leaf!.DnsNames.SequenceEqual(new[] { "ingress.local" }));
        evidence.Handshakes.Should().OnlyContain(h => h.Handshake.HttpStatus == 404);
    }

    [Fact]
    public async Task Against_nginx_the_routed_host_negotiates_h2_and_serves_its_chain()
    {
        var app = Pki.Issue(LeafProfile.Valid, Host);
        var fallback = Pki.Issue(LeafProfile.Valid, "ingress.local");
        await using var nginx = await StartIngressAsync(app, fallback);

        var handshake = await new TlsProbe(ProbeTimeouts.Normal, Pki.Bundle).HandshakeAsync(nginx.Endpoint, Host, Host, null, CancellationToken.None);
        var redirectless = await new HttpProbe(ProbeTimeouts.Normal).SendAsync(HttpProbeRequest.Http(nginx.Endpoint, Host, "/kr-a?b=c"), CancellationToken.None);

        handshake.Alpn.Should().Be("h2");
        handshake.HttpStatus.Should().Be(200);
        handshake.ServedChain.Select(c => c.Subject).Should().Equal(app.Leaf.Subject, Pki.Intermediate.Certificate.Subject);
        handshake.ChainValidation!.Trusted.Should().BeTrue();
        redirectless.Status.Should().Be(200);
        redirectless.Header("server").Should().StartWith("nginx");
    }
}
