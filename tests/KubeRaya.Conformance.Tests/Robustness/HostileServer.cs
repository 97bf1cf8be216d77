using System.Net.Security;
using System.Net.Sockets;
using KubeRaya.Conformance.Tests.Probes.Servers;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// An "ingress" on 127.0.0.1 that misbehaves in one way: a plain-HTTP port and an HTTPS port (OS-chosen), each
/// handing every connection to a hostile handler, and the E-mode controls that this misbehaviour breaks.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly RawTcpServer _http;
    private readonly RawTcpServer _https;

    private HostileServer(string name, RawTcpServer http, RawTcpServer https, IReadOnlySet<string> breaks)
    {
        Name = name;
        _http = http;
        _https = https;
        Breaks = breaks;
    }

    /// <summary>What the server does wrong, in words.</summary>
    public string Name { get; }

    /// <summary>The plain-HTTP port.</summary>
    public int HttpPort => _http.Port;

    /// <summary>The HTTPS port.</summary>
    public int HttpsPort => _https.Port;

    /// <summary>The E-mode controls this server breaks: none of them may pass against it.</summary>
    public IReadOnlySet<string> Breaks { get; }

    /// <summary>Starts a server with a handler per port; the HTTPS handler is given the HTTP and HTTPS ports it is served beside.</summary>
    public static HostileServer Start(
        string name, IReadOnlySet<string> breaks,
        Func<Ports, Socket, CancellationToken, Task> http, Func<Ports, Socket, CancellationToken, Task> https)
    {
        var ports = new Ports();
        var httpServer = RawTcpServer.Start((socket, stop) => Guarded(() => http(ports, socket, stop)));
        var httpsServer = RawTcpServer.Start((socket, stop) => Guarded(() => https(ports, socket, stop)));
        ports.Http = httpServer.Port;
        ports.Https = httpsServer.Port;
        return new HostileServer(name, httpServer, httpsServer, breaks);
    }

    public async ValueTask DisposeAsync()
    {
        await _http.DisposeAsync();
        await _https.DisposeAsync();
    }

    public override string ToString() => Name;

    // A hostile server's own failures (the client hung up mid-handshake, a write to a closed socket) are its business.
    private static async Task Guarded(Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (Exception)
        {
            // Ends this connection only.
        }
    }

    /// <summary>The ports of the server, known once both listen.</summary>
    internal sealed class Ports
    {
        public int Http { get; set; }
        public int Https { get; set; }
    }
}
