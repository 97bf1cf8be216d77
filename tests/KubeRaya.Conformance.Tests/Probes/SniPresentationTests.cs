using FluentAssertions;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

/// <summary>What the probes put in the ClientHello's server_name, read off the wire by a server that parses it.</summary>
public sealed class SniPresentationTests
{
    private static readonly TestCertificates Pki = TestCertificates.Shared;
    private const string Host = TestCertificates.AppHost;

    [Fact]
    public async Task The_TLS_probe_sends_the_SNI_it_is_given_and_none_when_given_none()
    {
        await using var recorder = new ClientHelloRecorder();
        var probe = new TlsProbe(ProbeTimeouts.Normal, Pki.Bundle);

        var named = await probe.HandshakeAsync(recorder.Endpoint, Host, Host, null, CancellationToken.None);
        var unnamed = await probe.HandshakeAsync(recorder.Endpoint, Host, null, null, CancellationToken.None);

        recorder.Hellos.Should().Equal(new ClientHelloRecorder.RecordedHello(true, Host), new ClientHelloRecorder.RecordedHello(false, null));
        named.Sni.Should().Be(Host);
        unnamed.Sni.Should().BeNull();
        unnamed.Failure.Should().Contain("closed the connection without answering the TLS ClientHello");
    }

    [Theory]
    [InlineData(Host, Host)]
    [InlineData(null, Host)]
    [InlineData("kr-random.invalid", Host)]
    [InlineData(null, null)]
    public async Task The_HTTP_probe_sends_the_SNI_it_is_given_whatever_the_Host_header(string? sni, string? hostHeader)
    {
        await using var recorder = new ClientHelloRecorder();

        await new HttpProbe(ProbeTimeouts.Normal).SendAsync(new HttpProbeRequest(recorder.Endpoint, "https", hostHeader, sni, "/"), CancellationToken.None);

        recorder.Hellos.Should().Equal(new ClientHelloRecorder.RecordedHello(sni is not null, sni));
    }

    [Fact]
    public async Task An_IP_literal_is_never_sent_as_SNI_and_the_evidence_says_none_was_sent()
    {
        await using var recorder = new ClientHelloRecorder();

        var handshake = await new TlsProbe(ProbeTimeouts.Normal, Pki.Bundle).HandshakeAsync(recorder.Endpoint, Host, "127.0.0.1", null, CancellationToken.None);
        var exchange = await new HttpProbe(ProbeTimeouts.Normal).SendAsync(new HttpProbeRequest(recorder.Endpoint, "https", Host, "127.0.0.1", "/"), CancellationToken.None);

        recorder.Hellos.Should().Equal(new ClientHelloRecorder.RecordedHello(false, null), new ClientHelloRecorder.RecordedHello(false, null));
        handshake.Sni.Should().BeNull();
        exchange.Sni.Should().BeNull();
    }

    [Fact]
    public async Task A_TLS_server_sees_the_SNI_and_the_Host_chosen_independently()
    {
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(Host), context => context.Response.WriteAsync(context.Request.Host.Value ?? ""));

        var noSni = await new HttpProbe(ProbeTimeouts.Normal).SendAsync(new HttpProbeRequest(server.Endpoint, "https", Host, null, "/"), CancellationToken.None);
        var otherSni = await new HttpProbe(ProbeTimeouts.Normal).SendAsync(new HttpProbeRequest(server.Endpoint, "https", Host, "kr-x.invalid", "/"), CancellationToken.None);

        server.ReceivedSni.Should().Equal("", "kr-x.invalid");
        noSni.Body.Should().Be(Host);
        otherSni.Body.Should().Be(Host);
    }
}
