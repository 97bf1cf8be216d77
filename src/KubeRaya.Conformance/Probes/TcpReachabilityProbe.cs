using System.Net;
using System.Net.Sockets;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Tries plain TCP connections to addresses that must stay private (pod IPs, ClusterIPs). On a test double
/// only loopback addresses are ever contacted: anything else is recorded as not tried, never sent.
/// </summary>
public sealed class TcpReachabilityProbe(Timeouts timeouts, bool loopbackOnly)
{
    /// <summary>One connect attempt, bounded by the connect timeout.</summary>
    public async Task<ReachabilityEvidence> TryConnectAsync(string address, int port, string target, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(address, out var ip))
            return new ReachabilityEvidence(address, port, false, "not an IP address; nothing was sent") { Target = target };
        if (loopbackOnly && !IPAddress.IsLoopback(ip))
            return new ReachabilityEvidence(address, port, false, "not tried: on a test double the harness contacts only loopback addresses") { Target = target };
        using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeouts.Connect.Value);
        try
        {
            await socket.ConnectAsync(ip, port, bound.Token).ConfigureAwait(false);
            return new ReachabilityEvidence(address, port, true, "connected: the TCP handshake completed") { Target = target };
        }
        catch (SocketException e)
        {
            return new ReachabilityEvidence(address, port, false, $"connection failed: {e.SocketErrorCode}") { Target = target };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReachabilityEvidence(address, port, false, $"no answer within the {timeouts.Connect}") { Target = target };
        }
    }
}
