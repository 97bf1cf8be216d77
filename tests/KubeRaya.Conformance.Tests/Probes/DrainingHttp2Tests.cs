using System.Net.Security;
using FluentAssertions;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using KubeRaya.Conformance.Tests.Robustness;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

/// <summary>
/// An HTTP/2 server that drains its first connections the way nginx does on a reload (SETTINGS, WINDOW_UPDATE, then a
/// GOAWAY naming last stream 0) and answers 200 afterwards. The probes send the refused request once more on a new
/// connection, as HTTP/2 clients do, say so in the evidence, and never more than once; a GOAWAY carrying an error code
/// is a failure with no second attempt.
/// </summary>
public sealed class DrainingHttp2Tests
{
    private const string Host = TestCertificates.AppHost;

    [Fact]
    public async Task A_tls_probe_refused_once_by_a_draining_connection_gets_its_answer_on_a_second_connection_and_says_so()
    {
        await using var server = new DrainingServer(refusals: 1, error: 0);

        var evidence = await new TlsProbe(ProbeTimeouts.Normal, []).HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.HttpStatus.Should().Be(200);
        evidence.Failure.Should().BeNull();
        evidence.FirstAttemptRefusal.Should().Be("the server sent HTTP/2 GOAWAY (NO_ERROR, last stream 0) before processing the request on stream 1");
        server.Connections.Should().Be(2);
    }

    [Fact]
    public async Task An_http_probe_refused_once_by_a_draining_connection_gets_its_answer_on_a_second_connection_and_says_so()
    {
        await using var server = new DrainingServer(refusals: 1, error: 0);

        var evidence = await new HttpProbe(ProbeTimeouts.Normal).SendAsync(HttpProbeRequest.Https(server.Endpoint, Host), CancellationToken.None);

        evidence.Status.Should().Be(200);
        evidence.FirstAttemptRefusal.Should().NotBeNull();
        server.Connections.Should().Be(2);
    }

    [Fact]
    public async Task A_server_that_refuses_every_connection_fails_the_probe_after_exactly_two_connections()
    {
        await using var server = new DrainingServer(refusals: int.MaxValue, error: 0);

        var evidence = await new TlsProbe(ProbeTimeouts.Normal, []).HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.HttpStatus.Should().BeNull();
        evidence.Failure.Should().Contain("refused the request before processing it");
        evidence.FirstAttemptRefusal.Should().NotBeNull();
        server.Connections.Should().Be(2);
    }

    [Fact]
    public async Task A_goaway_with_an_error_code_is_a_failure_and_the_request_is_not_sent_again()
    {
        await using var server = new DrainingServer(refusals: 1, error: 1);

        var evidence = await new TlsProbe(ProbeTimeouts.Normal, []).HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);

        evidence.HttpStatus.Should().BeNull();
        evidence.Failure.Should().NotBeNullOrEmpty();
        evidence.FirstAttemptRefusal.Should().BeNull();
        server.Connections.Should().Be(1);
    }

    private sealed class DrainingServer : IAsyncDisposable
    {
        private readonly RawTcpServer _server;
        private int _connections;

        public DrainingServer(int refusals, uint error)
        {
            var certificate = TestCertificates.Shared.Valid(Host);
            _server = RawTcpServer.Start(async (socket, stop) =>
            {
                var number = Interlocked.Increment(ref _connections);
                await using var tls = await HostileWire.AcceptTlsAsync(HostileWire.Over(socket), certificate, stop, SslApplicationProtocol.Http2);
                await tls.WriteAsync(Http2Wire.Settings(), stop);
                if (number <= refusals)
                {
                    await tls.WriteAsync(Http2Wire.WindowUpdate().Concat(Http2Wire.GoAway(lastStream: 0, error)).ToArray(), stop);
                }
                else if (await Http2Wire.ReadUntilRequestHeadersAsync(tls, stop))
                {
                    await tls.WriteAsync(Http2Wire.SettingsAck().Concat(Http2Wire.Headers(stream: 1, endStream: true)).ToArray(), stop);
                }

                // Reads until the client hangs up, so that closing is a FIN after everything was received, not a reset.
                using var drain = CancellationTokenSource.CreateLinkedTokenSource(stop);
                drain.CancelAfter(TimeSpan.FromSeconds(5));
                var buffer = new byte[4096];
                try
                {
                    while (await tls.ReadAsync(buffer, drain.Token) > 0)
                    {
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                }
            });
        }

        public ProbeEndpoint Endpoint => _server.Endpoint;

        public int Connections => Volatile.Read(ref _connections);

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
