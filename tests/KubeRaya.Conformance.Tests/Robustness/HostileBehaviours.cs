using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using static KubeRaya.Conformance.Tests.Robustness.HostileWire;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>The ways a hostile endpoint answers one connection. Each handler ends when the client or the server stops.</summary>
internal static class HostileBehaviours
{
    /// <summary>What a tenant application says; its presence in an answer to an unrouted request is a leak.</summary>
    public const string ApplicationBody = "<html><body>Welcome to the tenant application</body></html>";

    private const int HugeHeaderBytes = 10 * 1024 * 1024;

    /// <summary>Accepts and never sends a byte.</summary>
    public static async Task SilentAsync(HostileServer.Ports _, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        var buffer = new byte[16 * 1024];
        while (await stream.ReadAsync(buffer, stop) > 0)
        {
            // Swallows whatever comes, answers nothing.
        }
        await Task.Delay(Timeout.Infinite, stop);
    }

    /// <summary>Answers every request in plain HTTP with the application and an HSTS header (on the HTTPS port: no TLS at all).</summary>
    public static async Task PlainApplicationAsync(HostileServer.Ports _, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        await ReadFirstBytesAsync(stream, stop);
        await WriteAsync(stream, Response("200 OK", ["Content-Type: text/html", "Strict-Transport-Security: max-age=31536000"], ApplicationBody), stop);
    }

    /// <summary>A correct permanent redirect of the request to https on the HTTPS port; 404 for hosts other than <paramref name="host"/>.</summary>
    public static Func<HostileServer.Ports, Socket, CancellationToken, Task> CorrectRedirect(string host) => async (ports, socket, stop) =>
    {
        await using var stream = Over(socket);
        var (path, requested) = await ReadRequestHeadAsync(stream, stop);
        var answer = string.Equals(StripPort(requested), host, StringComparison.OrdinalIgnoreCase)
            ? Response("308 Permanent Redirect", [$"Location: https://{host}:{ports.Https}{path}"], "")
            : Response("404 Not Found", ["Content-Type: text/plain"], "not found");
        await WriteAsync(stream, answer, stop);
    };

    /// <summary>Answers anything with a fatal handshake_failure alert and closes.</summary>
    public static async Task AlertAsync(HostileServer.Ports _, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        await ReadFirstBytesAsync(stream, stop);
        await stream.WriteAsync(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28 }, stop);
        socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>Answers anything with 64 KiB of noise that starts like a TLS handshake record, then closes.</summary>
    public static async Task GarbageAsync(HostileServer.Ports _, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        await ReadFirstBytesAsync(stream, stop);
        var noise = new byte[64 * 1024];
        new Random(8).NextBytes(noise);
        noise[0] = 0x16;
        noise[1] = 0x03;
        noise[2] = 0x03;
        noise[3] = 0x00;
        noise[4] = 0xC8;
        await stream.WriteAsync(noise, stop);
        socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>Starts a ServerHello (a record that promises 90 bytes), sends 20 of them, and closes.</summary>
    public static async Task CloseMidHandshakeAsync(HostileServer.Ports _, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        await ReadFirstBytesAsync(stream, stop);
        byte[] start = [0x16, 0x03, 0x03, 0x00, 0x5A, 0x02, 0x00, 0x00, 0x56, 0x03, 0x03, .. new byte[9]];
        await stream.WriteAsync(start, stop);
        socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>Starts an HTTP response and closes in the middle of its headers.</summary>
    public static async Task CloseMidResponseAsync(HostileServer.Ports _, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        await ReadRequestHeadAsync(stream, stop);
        await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/ht", stop);
        socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>A real TLS server whose every outgoing byte takes a second.</summary>
    public static Func<HostileServer.Ports, Socket, CancellationToken, Task> SlowTls(SslStreamCertificateContext certificate) => async (ports, socket, stop) =>
    {
        await using var tls = await AcceptTlsAsync(new ThrottledStream(Over(socket), stop), certificate, stop);
        await RedirectOnAsync(tls, ports, stop);
    };

    /// <summary>A correct redirect whose every byte takes a second.</summary>
    public static async Task SlowRedirectAsync(HostileServer.Ports ports, Socket socket, CancellationToken stop)
    {
        await using var slow = new ThrottledStream(Over(socket), stop);
        await RedirectOnAsync(slow, ports, stop);
    }

    /// <summary>TLS with a valid certificate (any SNI), then a response with a 10 MiB header.</summary>
    public static Func<HostileServer.Ports, Socket, CancellationToken, Task> HugeHeaderTls(SslStreamCertificateContext certificate) => async (_, socket, stop) =>
    {
        await using var tls = await AcceptTlsAsync(Over(socket), certificate, stop);
        await HugeHeaderOnAsync(tls, stop);
    };

    /// <summary>A plain-HTTP response with a 10 MiB header.</summary>
    public static async Task HugeHeaderAsync(HostileServer.Ports _, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        await HugeHeaderOnAsync(stream, stop);
    }

    /// <summary>TLS with the given certificate (for any SNI), then the application with no HSTS.</summary>
    public static Func<HostileServer.Ports, Socket, CancellationToken, Task> ApplicationTls(SslStreamCertificateContext certificate) => async (_, socket, stop) =>
    {
        await using var tls = await AcceptTlsAsync(Over(socket), certificate, stop);
        await ReadRequestHeadAsync(tls, stop);
        await WriteAsync(tls, Response("200 OK", ["Content-Type: text/html"], ApplicationBody), stop);
    };

    /// <summary>The application over plain HTTP, no redirect.</summary>
    public static async Task ApplicationAsync(HostileServer.Ports _, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        await ReadRequestHeadAsync(stream, stop);
        await WriteAsync(stream, Response("200 OK", ["Content-Type: text/html"], ApplicationBody), stop);
    }

    /// <summary>TLS with a valid certificate, then a permanent redirect of every request to exactly the URL requested.</summary>
    public static Func<HostileServer.Ports, Socket, CancellationToken, Task> SelfRedirectTls(SslStreamCertificateContext certificate) => async (ports, socket, stop) =>
    {
        await using var tls = await AcceptTlsAsync(Over(socket), certificate, stop);
        var (path, host) = await ReadRequestHeadAsync(tls, stop);
        await WriteAsync(tls, Response("301 Moved Permanently", [$"Location: https://{StripPort(host)}:{ports.Https}{path}"], ""), stop);
    };

    /// <summary>A permanent redirect of every plain-HTTP request to exactly the URL requested.</summary>
    public static async Task SelfRedirectAsync(HostileServer.Ports ports, Socket socket, CancellationToken stop)
    {
        await using var stream = Over(socket);
        var (path, host) = await ReadRequestHeadAsync(stream, stop);
        await WriteAsync(stream, Response("301 Moved Permanently", [$"Location: http://{StripPort(host)}:{ports.Http}{path}"], ""), stop);
    }

    private static async Task RedirectOnAsync(Stream stream, HostileServer.Ports ports, CancellationToken stop)
    {
        var (path, host) = await ReadRequestHeadAsync(stream, stop);
        await WriteAsync(stream, Response("308 Permanent Redirect", [$"Location: https://{StripPort(host)}:{ports.Https}{path}", "Strict-Transport-Security: max-age=31536000"], ""), stop);
    }

    private static async Task HugeHeaderOnAsync(Stream stream, CancellationToken stop)
    {
        await ReadRequestHeadAsync(stream, stop);
        await WriteAsync(stream, "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=31536000\r\nX-Padding: ", stop);
        var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
        for (var sent = 0; sent < HugeHeaderBytes; sent += chunk.Length) await stream.WriteAsync(chunk, stop);
        await WriteAsync(stream, "\r\nContent-Length: 0\r\n\r\n", stop);
    }

    private static string StripPort(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > 0 && !host.EndsWith(']') ? host[..colon] : host;
    }
}
