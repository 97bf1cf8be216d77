using System.Net.Security;
using FluentAssertions;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Xunit;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// A server that completes TLS, selects h2, and then never sends its HTTP/2 SETTINGS: the request timeout ends the
/// exchange inside the HTTP/2 connection set-up, where the HTTP library reports "the server did not complete the
/// HTTP/2 handshake; Cannot access a disposed object". The evidence must say it was the timeout.
/// </summary>
public sealed class SilentHttp2Tests
{
    [Fact]
    public async Task An_h2_server_that_never_sends_its_settings_is_reported_as_no_response_within_the_request_timeout()
    {
        var certificate = TestCertificates.Shared.Valid(TestCertificates.AppHost);
        await using var server = RawTcpServer.Start(async (socket, stop) =>
        {
            await using var tls = await HostileWire.AcceptTlsAsync(HostileWire.Over(socket), certificate, stop, SslApplicationProtocol.Http2);
            var buffer = new byte[4096];
            while (await tls.ReadAsync(buffer, stop) > 0)
            {
                // Reads the preface and the request; answers nothing.
            }
        });
        var timeouts = EndpointRun.Short with { Request = new NamedTimeout("request", TimeSpan.FromSeconds(1)) };

        var evidence = await new HttpProbe(timeouts).SendAsync(HttpProbeRequest.Https(server.Endpoint, TestCertificates.AppHost), CancellationToken.None);

        evidence.Status.Should().BeNull();
        evidence.Failure.Should().StartWith($"No HTTP response from 127.0.0.1:{server.Port} within the request timeout (1 s)");
        evidence.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }
}
