using System.Net;
using System.Net.Sockets;
using KubeRaya.Conformance.Probes;

namespace KubeRaya.Conformance.Tests.Probes.Servers;

/// <summary>
/// A TCP server on 127.0.0.1 or ::1 (OS-chosen port) that hands each accepted connection to a handler written
/// by the test: one that never answers, one that answers with something odd, one that records the ClientHello.
/// </summary>
internal sealed class RawTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private readonly Func<Socket, CancellationToken, Task> _handler;

    private RawTcpServer(Func<Socket, CancellationToken, Task> handler, IPAddress address)
    {
        _handler = handler;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The OS-chosen port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>An endpoint whose HTTP and HTTPS ports are both this server's port.</summary>
    public ProbeEndpoint Endpoint => new(((IPEndPoint)_listener.LocalEndpoint).Address.ToString(), Port, Port);

    /// <summary>Starts a server running <paramref name="handler"/> for every connection; the socket is closed after it.</summary>
    public static RawTcpServer Start(Func<Socket, CancellationToken, Task> handler, IPAddress? address = null) =>
        new(handler, address ?? IPAddress.Loopback);

    /// <summary>Accepts TCP connections and never sends a byte until the server is disposed.</summary>
    public static RawTcpServer Silent() => Start(async (_, stop) =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] running;
        lock (_connections) running = [.. _connections];
        await Task.WhenAll(running);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections) _connections.Add(ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await _handler(socket, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // The client went away or the server is stopping: both are normal ends here.
            }
        }
    }
}
