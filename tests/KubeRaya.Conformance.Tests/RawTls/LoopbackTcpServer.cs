using System.Net;
using System.Net.Sockets;

namespace KubeRaya.Conformance.Tests.RawTls;

/// <summary>A TCP listener on 127.0.0.1 at an OS-chosen port that treats every connection one way (never answer,
/// close, reset); the connections and the listener end when it is disposed.</summary>
internal sealed class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<Socket> held = [];
    private readonly Task accepting;

    private LoopbackTcpServer(Action<Socket, List<Socket>> onAccept)
    {
        listener.Start();
        accepting = AcceptAsync(onAccept);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Accepts and keeps every connection open without a byte in answer.</summary>
    public static LoopbackTcpServer Silent() => new((socket, held) => held.Add(socket));

    /// <summary>Accepts and closes every connection at once (FIN, or RST if the hello already arrived).</summary>
    public static LoopbackTcpServer Closing() => new((socket, _) => socket.Dispose());

    /// <summary>Accepts and resets every connection (linger 0).</summary>
    public static LoopbackTcpServer Resetting() => new((socket, _) =>
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Dispose();
    });

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }

        lock (held)
        {
            foreach (var socket in held) socket.Dispose();
        }

        stop.Dispose();
    }

    private async Task AcceptAsync(Action<Socket, List<Socket>> onAccept)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (held) onAccept(socket, held);
        }
    }
}
