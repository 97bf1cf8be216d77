using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

public sealed class HttpProbeTests
{
    private static readonly TestCertificates Pki = TestCertificates.Shared;
    private const string Host = TestCertificates.AppHost;

    private static readonly RequestDelegate Echo = context =>
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"host={context.Request.Host} path={context.Request.Path}{context.Request.QueryString} method={context.Request.Method} x-probe={context.Request.Headers["X-Probe"]}");
    };

    private static HttpProbe Probe(Polling.Timeouts? timeouts = null) => new(timeouts ?? ProbeTimeouts.Normal);

    private Task<KestrelServer> Start(string scheme, RequestDelegate app) =>
        scheme == "https" ? KestrelServer.StartHttpsAsync(Pki.Valid(Host), app) : KestrelServer.StartHttpAsync(app);

    [Theory]
    [InlineData("http")]
    [InlineData("https")]
    public async Task The_request_carries_the_given_Host_path_method_and_headers_and_the_response_is_recorded(string scheme)
    {
        await using var server = await Start(scheme, Echo);
        var request = new HttpProbeRequest(server.Endpoint, scheme, Host, scheme == "https" ? Host : null, "/kr-a/b?c=d", "POST",
            new Dictionary<string, string> { ["X-Probe"] = "yes" });

        var evidence = await Probe().SendAsync(request, CancellationToken.None);

        evidence.Failure.Should().BeNull();
        evidence.Status.Should().Be(200);
        evidence.Body.Should().Be($"host={Host} path=/kr-a/b?c=d method=POST x-probe=yes");
        evidence.Header("Content-Type").Should().StartWith("text/plain");
        evidence.Headers.Keys.Should().OnlyContain(name => name == name.ToLowerInvariant());
        evidence.Scheme.Should().Be(scheme);
        evidence.Address.Should().Be("127.0.0.1");
        evidence.Port.Should().Be(server.Port);
        evidence.HostHeader.Should().Be(Host);
        evidence.PathAndQuery.Should().Be("/kr-a/b?c=d");
        evidence.BodyTruncated.Should().BeFalse();
        evidence.Elapsed.Should().BePositive();
    }

    [Theory]
    [InlineData("http")]
    [InlineData("https")]
    public async Task Addressed_by_IP_the_Host_header_is_the_address_and_port(string scheme)
    {
        await using var server = await Start(scheme, Echo);

        var evidence = await Probe().SendAsync(new HttpProbeRequest(server.Endpoint, scheme, null, null, "/"), CancellationToken.None);

        evidence.HostHeader.Should().BeNull();
        evidence.Sni.Should().BeNull();
        evidence.Body.Should().StartWith($"host=127.0.0.1:{server.Port} ");
    }

    [Theory]
    [InlineData("http")]
    [InlineData("https")]
    public async Task A_redirect_to_itself_is_recorded_and_not_followed(string scheme)
    {
        await using var server = await Start(scheme, context =>
        {
            context.Response.StatusCode = 308;
            context.Response.Headers.Location = $"{scheme}://{Host}/loop";
            return Task.CompletedTask;
        });

        var evidence = await Probe().SendAsync(new HttpProbeRequest(server.Endpoint, scheme, Host, null, "/loop"), CancellationToken.None);

        evidence.Status.Should().Be(308);
        evidence.Header("location").Should().Be($"{scheme}://{Host}/loop");
        server.Requests.Should().Be(1);
    }

    [Fact]
    public async Task A_10_MB_body_is_cut_at_the_bound_and_marked_truncated()
    {
        var body = new string('x', 10 * 1024 * 1024);
        await using var server = await Start("https", context => context.Response.WriteAsync(body));

        var evidence = await Probe().SendAsync(HttpProbeRequest.Https(server.Endpoint, Host), CancellationToken.None);

        evidence.Status.Should().Be(200);
        evidence.BodyTruncated.Should().BeTrue();
        evidence.Body.Should().HaveLength(64 * 1024);
        evidence.Failure.Should().BeNull();
    }

    [Fact]
    public async Task A_body_exactly_at_the_bound_is_not_truncated()
    {
        await using var server = await Start("http", context => context.Response.WriteAsync(new string('y', 1000)));
        var probe = new HttpProbe(ProbeTimeouts.Normal, new HttpProbeOptions { MaxBodyBytes = 1000 });

        var evidence = await probe.SendAsync(HttpProbeRequest.Http(server.Endpoint, Host), CancellationToken.None);

        evidence.Body.Should().HaveLength(1000);
        evidence.BodyTruncated.Should().BeFalse();
    }

    [Fact]
    public async Task An_endless_body_is_cut_without_waiting_for_its_end()
    {
        await using var server = await Start("http", async context =>
        {
            var chunk = Encoding.ASCII.GetBytes(new string('z', 16 * 1024));
            while (!context.RequestAborted.IsCancellationRequested) await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        });
        var clock = Stopwatch.StartNew();

        var evidence = await Probe().SendAsync(HttpProbeRequest.Http(server.Endpoint, Host), CancellationToken.None);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        evidence.BodyTruncated.Should().BeTrue();
        evidence.Body.Should().HaveLength(64 * 1024);
    }

    [Fact]
    public async Task A_10_MB_header_fails_the_exchange_at_the_header_bound()
    {
        await using var server = RawTcpServer.Start(async (socket, stop) =>
        {
            await ReadRequestHeadAsync(socket, stop);
            await socket.SendAsync("HTTP/1.1 200 OK\r\nX-Big: "u8.ToArray(), stop);
            var chunk = Encoding.ASCII.GetBytes(new string('h', 64 * 1024));
            for (var i = 0; i < 160; i++) await socket.SendAsync(chunk, stop);
        });

        var evidence = await Probe().SendAsync(HttpProbeRequest.Http(server.Endpoint, Host), CancellationToken.None);

        evidence.Status.Should().BeNull();
        evidence.Failure.Should().Contain("exceeded the probe's bound of 65536 bytes");
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_fails_within_the_named_request_timeout()
    {
        await using var server = RawTcpServer.Silent();
        var clock = Stopwatch.StartNew();

        var evidence = await Probe(ProbeTimeouts.Short).SendAsync(HttpProbeRequest.Http(server.Endpoint, Host), CancellationToken.None);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        evidence.Status.Should().BeNull();
        evidence.Failure.Should().Be($"No HTTP response from 127.0.0.1:{server.Port} within the request timeout (0.5 s).");
    }

    [Fact]
    public async Task A_silent_HTTPS_server_fails_within_the_named_handshake_timeout()
    {
        await using var server = RawTcpServer.Silent();

        var evidence = await Probe(ProbeTimeouts.Short).SendAsync(HttpProbeRequest.Https(server.Endpoint, Host), CancellationToken.None);

        evidence.Status.Should().BeNull();
        evidence.Failure.Should().Contain("handshake timeout (0.5 s)");
    }

    [Fact]
    public async Task A_port_where_nothing_listens_is_reported_as_refused()
    {
        var endpoint = new ProbeEndpoint("127.0.0.1", FreePort.Next(), 1);

        var evidence = await Probe(ProbeTimeouts.Short).SendAsync(HttpProbeRequest.Http(endpoint, Host), CancellationToken.None);

        evidence.Failure.Should().Be($"The TCP connection to 127.0.0.1:{endpoint.HttpPort} was refused (nothing listens there).");
    }

    [Fact]
    public async Task Plain_HTTP_on_the_HTTPS_port_is_reported_as_not_TLS()
    {
        await using var server = await Start("http", Echo);

        var evidence = await Probe().SendAsync(HttpProbeRequest.Https(server.Endpoint, Host), CancellationToken.None);

        evidence.Status.Should().BeNull();
        evidence.Failure.Should().Contain("does not speak TLS: it answered in plain HTTP");
    }

    [Fact]
    public async Task A_connection_closed_without_a_response_is_reported_as_such()
    {
        await using var server = RawTcpServer.Start(async (socket, stop) =>
        {
            await ReadRequestHeadAsync(socket, stop);
            socket.Shutdown(SocketShutdown.Both);
        });

        var evidence = await Probe().SendAsync(HttpProbeRequest.Http(server.Endpoint, Host), CancellationToken.None);

        evidence.Status.Should().BeNull();
        evidence.Failure.Should().Contain("closed the connection before a complete HTTP response");
    }

    [Fact]
    public async Task Any_certificate_is_accepted_because_TLS_evidence_is_the_TLS_probe_s_business()
    {
        using var selfSigned = SelfSigned.Leaf("elsewhere.invalid");
        await using var server = await KestrelServer.StartHttpsAsync(System.Net.Security.SslStreamCertificateContext.Create(selfSigned, null, offline: true), Echo);

        var evidence = await Probe().SendAsync(HttpProbeRequest.Https(server.Endpoint, Host), CancellationToken.None);

        evidence.Status.Should().Be(200);
    }

    [Fact]
    public async Task Probes_with_different_SNI_and_Host_run_in_parallel_without_sharing_connections()
    {
        await using var server = await Start("https", Echo);
        var hosts = Enumerable.Range(0, 40).Select(i => $"h{i}.example.test").ToList();

        var evidence = await Task.WhenAll(hosts.Select(h =>
            Probe().SendAsync(new HttpProbeRequest(server.Endpoint, "https", h, h, "/"), CancellationToken.None)));

        evidence.Select(e => e.Body).Should().Equal(hosts.Select(h => $"host={h} path=/ method=GET x-probe="));
        server.ReceivedSni.Should().BeEquivalentTo(hosts, "every exchange makes its own handshake with its own SNI");
    }

    [Fact]
    public async Task An_IPv6_address_is_connected_to_as_given_and_addressed_in_brackets()
    {
        await using var server = RawTcpServer.Start(async (socket, stop) =>
        {
            var head = await ReadRequestHeadAsync(socket, stop);
            var host = head.Split("\r\n").Single(line => line.StartsWith("Host: ", StringComparison.Ordinal))[6..];
            await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {host.Length}\r\nConnection: close\r\n\r\n{host}"), stop);
        }, System.Net.IPAddress.IPv6Loopback);

        var evidence = await Probe().SendAsync(new HttpProbeRequest(server.Endpoint, "http", null, null, "/"), CancellationToken.None);

        evidence.Address.Should().Be("::1");
        evidence.Body.Should().Be($"[::1]:{server.Port}");
    }

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_keeps_the_status_and_says_the_body_did_not_finish()
    {
        await using var server = await Start("http", async context =>
        {
            await context.Response.WriteAsync("partial");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        });

        var evidence = await Probe(ProbeTimeouts.Short).SendAsync(HttpProbeRequest.Http(server.Endpoint, Host), CancellationToken.None);

        evidence.Status.Should().Be(200);
        evidence.Body.Should().Be("partial");
        evidence.BodyTruncated.Should().BeFalse();
        evidence.Failure.Should().Be($"The response body from 127.0.0.1:{server.Port} did not finish within the request timeout (0.5 s); 7 bytes were kept.");
    }

    [Fact]
    public void A_request_refuses_SNI_over_plain_HTTP_and_a_path_without_a_slash()
    {
        var endpoint = new ProbeEndpoint("127.0.0.1", 80, 443);

        FluentActions.Invoking(() => new HttpProbeRequest(endpoint, "http", Host, Host, "/")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new HttpProbeRequest(endpoint, "https", Host, Host, "no-slash")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new HttpProbeRequest(endpoint, "ftp", Host, null, "/")).Should().Throw<ArgumentException>();
    }

    private static async Task<string> ReadRequestHeadAsync(Socket socket, CancellationToken stop)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, stop);
            if (read == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
