using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes.RawTls;
using KubeRaya.Conformance.Tests.Support;
using Xunit;

namespace KubeRaya.Conformance.Tests.RawTls;

/// <summary>The probe against loopback servers that each fail to speak TLS in one way.</summary>
public sealed class LegacyTlsProbeLoopbackTests
{
    private const string Host = "legacy.example.test";
    private static readonly Timeouts OneSecond = new()
    {
        Connect = new NamedTimeout("connect", TimeSpan.FromSeconds(2)),
        RawHello = new NamedTimeout("raw-hello", TimeSpan.FromSeconds(1)),
    };

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_gives_no_answer_within_the_raw_hello_timeout()
    {
        await using var server = LoopbackTcpServer.Silent();
        var clock = Stopwatch.StartNew();

        var evidence = await new LegacyTlsProbe(OneSecond).ProbeWeakCiphersAsync("127.0.0.1", server.Port, Host, CancellationToken.None);

        clock.Stop();
        evidence.Should().HaveCount(CipherSuiteCatalogue.WeakGroups.Count).And.OnlyContain(e => e.Result == LegacyHandshakeResult.NoAnswer);
        evidence[0].Detail.Should().Contain("no bytes came back").And.Contain("raw-hello timeout (1 s)");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4), "the six offers wait concurrently, not one after another (6 s)");
    }

    [Fact]
    public async Task A_server_that_closes_at_once_gives_closed()
    {
        await using var server = LoopbackTcpServer.Closing();

        var evidence = await new LegacyTlsProbe(OneSecond).ProbeLegacyProtocolsAsync("127.0.0.1", server.Port, Host, CancellationToken.None);

        evidence.Should().HaveCount(3).And.OnlyContain(e => e.Result == LegacyHandshakeResult.Closed);
        evidence.Should().OnlyContain(e => e.Detail.StartsWith("The server closed the connection without answering", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_resets_the_connection_gives_closed()
    {
        await using var server = LoopbackTcpServer.Resetting();

        var evidence = await new LegacyTlsProbe(OneSecond).ProbeLegacyProtocolsAsync("127.0.0.1", server.Port, Host, CancellationToken.None);

        evidence.Should().OnlyContain(e => e.Result == LegacyHandshakeResult.Closed);
    }

    [Fact]
    public async Task A_plain_HTTP_server_gives_unintelligible_and_shows_what_it_said()
    {
        await using var nginx = await NginxServer.StartAsync(
            $$"""server { listen 127.0.0.1:{{NginxServer.PortToken}}; return 200 "plain\n"; }""", CancellationToken.None);

        var evidence = await new LegacyTlsProbe(OneSecond).ProbeLegacyProtocolsAsync(NginxServer.Address, nginx.Port, Host, CancellationToken.None);

        evidence.Should().HaveCount(3).And.OnlyContain(e => e.Result == LegacyHandshakeResult.Unintelligible);
        evidence[1].Detail.Should().Contain("not a TLS record").And.Contain("HTTP/1.1 400 Bad Request");
    }

    [Fact]
    public async Task A_port_where_nothing_listens_gives_unintelligible_saying_the_hello_was_never_sent()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var evidence = await new LegacyTlsProbe(OneSecond).ProbeLegacyProtocolsAsync("127.0.0.1", port, Host, CancellationToken.None);

        evidence.Should().OnlyContain(e => e.Result == LegacyHandshakeResult.Unintelligible);
        evidence[0].Detail.Should().Contain("was never sent").And.Contain("ConnectionRefused");
    }

    [Fact]
    public async Task A_host_name_in_place_of_an_address_is_refused_rather_than_resolved()
    {
        var probe = () => new LegacyTlsProbe(OneSecond).ProbeLegacyProtocolsAsync("localhost", 443, Host, CancellationToken.None);

        await probe.Should().ThrowAsync<ArgumentException>().WithMessage("*IP address*");
    }
}
