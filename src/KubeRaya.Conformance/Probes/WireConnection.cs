using System.Net;
using System.Net.Sockets;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes;

/// <summary>Opens one TCP connection to an IP address, bounded by the connect timeout.</summary>
internal static class WireConnection
{
    /// <summary>Connects, or throws <see cref="ProbeFailureException"/> with a sentence saying what happened.</summary>
    public static async Task<Socket> ConnectAsync(IPAddress address, int port, NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var target = Describe(address, port);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout.Value);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), bound.Token).ConfigureAwait(false);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ProbeFailureException($"No TCP connection to {target} within the {timeout}.");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new ProbeFailureException(e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => $"The TCP connection to {target} was refused (nothing listens there).",
                SocketError.TimedOut => $"No TCP connection to {target}: the connection attempt timed out in the network stack.",
                _ => $"The TCP connection to {target} failed: {e.SocketErrorCode} ({e.Message}).",
            }, e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>"127.0.0.1:443" or "[::1]:443".</summary>
    public static string Describe(IPAddress address, int port) => new IPEndPoint(address, port).ToString();
}
