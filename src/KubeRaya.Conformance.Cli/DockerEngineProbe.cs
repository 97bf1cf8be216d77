using System.Net.Sockets;
using System.Text;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// Asks a Docker engine at a <c>unix://</c> endpoint (an explicit DOCKER_HOST) whether it answers, with the
/// engine API's <c>GET /_ping</c>, before anything is created. Testcontainers checks the endpoints it finds by
/// itself; an endpoint given explicitly is used as it is, so the harness checks it.
/// </summary>
public static class DockerEngineProbe
{
    /// <summary>Null when the engine answers 200 to <c>/_ping</c>, otherwise what went wrong (one clause).</summary>
    public static async Task<string?> ProblemAsync(Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Scheme != "unix") return null;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.AbsolutePath), bound.Token).ConfigureAwait(false);
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"), SocketFlags.None, bound.Token).ConfigureAwait(false);
            var buffer = new byte[64];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, bound.Token).ConfigureAwait(false);
            var status = Encoding.ASCII.GetString(buffer, 0, read).Split('\n')[0].Trim();
            return status.Contains(" 200", StringComparison.Ordinal) ? null : $"{endpoint} answered '{status}' to /_ping";
        }
        catch (SocketException e)
        {
            return $"nothing answers at {endpoint} ({e.SocketErrorCode})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{endpoint} did not answer /_ping within {timeout.TotalSeconds:0} s";
        }
    }
}
