using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>What the hostile servers need on the wire: reading a request head, writing an answer, a TLS server side.</summary>
internal static class HostileWire
{
    private const int MaxHead = 64 * 1024;

    /// <summary>The request line's target and the Host header of one HTTP/1.1 request, read up to the blank line.</summary>
    public static async Task<(string Path, string Host)> ReadRequestHeadAsync(Stream stream, CancellationToken stop)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (head.Length < MaxHead && !head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, stop);
            if (read == 0) break;
            head.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        var lines = head.ToString().Split("\r\n");
        var target = lines[0].Split(' ') is { Length: >= 2 } parts ? parts[1] : "/";
        var host = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))?[5..].Trim() ?? "";
        return (target, host);
    }

    /// <summary>Reads whatever the client sent first (a ClientHello, a request), so that closing later is a FIN, not a reset.</summary>
    public static async Task<int> ReadFirstBytesAsync(Stream stream, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        return await stream.ReadAsync(buffer, stop);
    }

    /// <summary>Writes text as Latin-1 and flushes.</summary>
    public static async Task WriteAsync(Stream stream, string text, CancellationToken stop)
    {
        await stream.WriteAsync(Encoding.Latin1.GetBytes(text), stop);
        await stream.FlushAsync(stop);
    }

    /// <summary>A complete HTTP/1.1 response that closes the connection.</summary>
    public static string Response(string statusLine, IEnumerable<string> headers, string body) =>
        $"HTTP/1.1 {statusLine}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Content-Length: {Encoding.Latin1.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    /// <summary>Runs the server side of a TLS handshake (system protocols; no ALPN unless <paramref name="alpn"/> is given) over the accepted socket.</summary>
    public static async Task<SslStream> AcceptTlsAsync(Stream connection, SslStreamCertificateContext certificate, CancellationToken stop, SslApplicationProtocol? alpn = null)
    {
        var tls = new SslStream(connection, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = certificate,
            ApplicationProtocols = alpn is { } selected ? [selected] : null,
        }, stop);
        return tls;
    }

    /// <summary>A stream over the accepted socket that the caller owns.</summary>
    public static NetworkStream Over(Socket socket) => new(socket, ownsSocket: false);
}
