using System.Net;
using System.Net.Sockets;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>
/// Listens on a host loopback address and relays each connection to a target reached by <c>connect</c> (for the
/// pods-exposed fault: from the host's 127.244.x.y:port into the namespace's pod at the same address). Loopback only.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly Func<CancellationToken, Task<Socket>> connect;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    private TcpRelay(Socket listener, Func<CancellationToken, Task<Socket>> connect)
    {
        this.listener = listener;
        this.connect = connect;
        accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Where it listens.</summary>
    public IPEndPoint Endpoint => (IPEndPoint)listener.LocalEndPoint!;

    /// <summary>Starts relaying from <paramref name="listen"/>, which must be a loopback address.</summary>
    public static TcpRelay Start(IPEndPoint listen, Func<CancellationToken, Task<Socket>> connect)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (!IPAddress.IsLoopback(listen.Address))
            throw new ArgumentException($"The relay listens on loopback only, not on {listen.Address}.", nameof(listen));
        var socket = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(listen);
            socket.Listen(64);
            return new TcpRelay(socket, connect);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using (client)
        {
            try
            {
                using var target = await connect(stopping.Token).ConfigureAwait(false);
                await using var clientStream = new NetworkStream(client, ownsSocket: false);
                await using var targetStream = new NetworkStream(target, ownsSocket: false);
                var up = PumpAsync(clientStream, targetStream, target);
                var down = PumpAsync(targetStream, clientStream, client);
                await Task.WhenAll(up, down).ConfigureAwait(false);

                async Task PumpAsync(NetworkStream from, NetworkStream to, Socket toSocket)
                {
                    await from.CopyToAsync(to, stopping.Token).ConfigureAwait(false);
                    toSocket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One relayed connection failing ends that connection only.
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        await accepting.ConfigureAwait(false);
        stopping.Dispose();
    }
}
