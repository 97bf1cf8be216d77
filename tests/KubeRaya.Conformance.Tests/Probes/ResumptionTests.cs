using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

/// <summary>
/// A resumed TLS session shows the certificate of the session it resumes, not the one the server serves
/// now; after a rotation that would hide the new certificate. So no probe ever offers to resume.
/// </summary>
public sealed class ResumptionTests
{
    private static readonly TestCertificates Pki = TestCertificates.Shared;

    [Fact]
    public async Task After_a_full_handshake_and_a_session_ticket_the_next_ClientHello_offers_no_resumption()
    {
        const string host = "resume-probe.example.test";
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(host), context => context.Response.WriteAsync("ok"));
        await using var recorder = new ClientHelloRecorder();
        var tls = new TlsProbe(ProbeTimeouts.Normal, Pki.Bundle);
        var http = new HttpProbe(ProbeTimeouts.Normal);

        (await tls.HandshakeAsync(server.Endpoint, host, host, null, CancellationToken.None)).HttpStatus.Should().Be(200);
        (await http.SendAsync(HttpProbeRequest.Https(server.Endpoint, host), CancellationToken.None)).Status.Should().Be(200);
        await tls.HandshakeAsync(recorder.Endpoint, host, host, null, CancellationToken.None);
        await http.SendAsync(HttpProbeRequest.Https(recorder.Endpoint, host), CancellationToken.None);

        recorder.Hellos.Should().HaveCount(2).And.OnlyContain(hello => !hello.OffersResumption);
    }

    [Fact]
    public async Task The_recorder_does_see_resumption_when_a_client_offers_it()
    {
        const string host = "resume-control.example.test";
        await using var server = await KestrelServer.StartHttpsAsync(Pki.Valid(host), context => context.Response.WriteAsync("ok"));
        await using var recorder = new ClientHelloRecorder();

        await ResumingClientGetAsync(server.Endpoint.HttpsPort, host);
        await ResumingClientGetAsync(recorder.Endpoint.HttpsPort, host);

        recorder.Hellos.Should().ContainSingle().Which.OffersResumption.Should().BeTrue(
            "otherwise the test above could not tell a resuming probe from a fresh one");
    }

    /// <summary>A client as .NET makes it by default (resumption allowed) sending one GET and reading the answer,
    /// so that TLS 1.3 session tickets arrive.</summary>
    private static async Task ResumingClientGetAsync(int port, string host)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        await using var tls = new SslStream(client.GetStream());
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                ApplicationProtocols = [SslApplicationProtocol.Http11],
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            });
            await tls.WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
            var buffer = new byte[4096];
            while (await tls.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            // The recorder closes the connection after reading the ClientHello; that is all it needs.
        }
    }
}
