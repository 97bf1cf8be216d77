using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes.RawTls;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// Before any scenario runs, checks that the endpoint answers at all: some port must accept a TCP connection and then
/// say something (any byte, or closing the connection) to a TLS ClientHello on the HTTPS port or to an HTTP request on
/// the HTTP port. An address where nothing listens, or where connections are accepted and then nothing ever comes back
/// (a black hole, a stuck proxy, a wrong address behind a firewall), cannot be told apart from a wrong -Address, so
/// judging fifteen controls on timeouts there would report on something that may not be the ingress at all: the run
/// ends as incomplete (exit 3) within the connect and request timeouts instead.
/// </summary>
public static class EndpointPreflight
{
    private enum PortAnswer { Refused, Silent, Answered }

    /// <summary>Throws <see cref="IncompleteRunException"/> unless one of the two ports accepts a connection and answers.</summary>
    /// <param name="address">The endpoint's IP address.</param>
    /// <param name="httpPort">Its plain-HTTP port.</param>
    /// <param name="httpsPort">Its HTTPS port.</param>
    /// <param name="host">A public host, sent as SNI and Host.</param>
    /// <param name="timeouts">Connect bounds the connection; the handshake and request timeouts bound the wait for an answer.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task RequireAnAnswerAsync(string address, int httpPort, int httpsPort, string host, Timeouts timeouts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        var ip = IPAddress.Parse(address);
        var hello = ClientHelloBuilder.Build(new ClientHelloOffer
        {
            Version = TlsVersion.Tls12,
            Suites = CipherSuiteCatalogue.UsableAt(TlsVersion.Tls12),
            ServerName = host,
        });
        var request = Encoding.ASCII.GetBytes($"HEAD / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        var answers = await Task.WhenAll(
            AnswerAsync(ip, httpPort, request, timeouts.Connect, timeouts.Request, cancellationToken),
            AnswerAsync(ip, httpsPort, hello, timeouts.Connect, timeouts.Handshake, cancellationToken)).ConfigureAwait(false);
        var (http, https) = (answers[0], answers[1]);
        if (http == PortAnswer.Refused && https == PortAnswer.Refused)
        {
            throw new IncompleteRunException(
                $"nothing accepts TCP connections at {address} on port {httpPort} or {httpsPort} within {Seconds(timeouts.Connect)}: check -Address, -HttpPort and -HttpsPort");
        }
        if (http != PortAnswer.Answered && https != PortAnswer.Answered)
        {
            throw new IncompleteRunException(
                $"{address} {Accepted(httpPort, http, httpsPort, https)} but answered neither a TLS ClientHello within {Seconds(timeouts.Handshake)} " +
                $"nor an HTTP request within {Seconds(timeouts.Request)}, so nothing could be judged: check that -Address and the ports lead to the ingress " +
                "and not to a firewall or proxy that swallows connections");
        }
    }

    /// <summary>Connects, sends <paramref name="greeting"/>, and waits for the first byte or the end of the stream.</summary>
    private static async Task<PortAnswer> AnswerAsync(IPAddress address, int port, byte[] greeting, NamedTimeout connect, NamedTimeout answer, CancellationToken cancellationToken)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connecting.CancelAfter(connect.Value);
            try
            {
                await socket.ConnectAsync(address, port, connecting.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return PortAnswer.Refused;
            }
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(answer.Value);
        try
        {
            await socket.SendAsync(greeting, SocketFlags.None, waiting.Token).ConfigureAwait(false);
            await socket.ReceiveAsync(new byte[1], SocketFlags.None, waiting.Token).ConfigureAwait(false);
            return PortAnswer.Answered; // a byte, or an orderly close: either way something is there and speaking
        }
        catch (SocketException)
        {
            return PortAnswer.Answered; // a reset is an answer too: the peer acted on what it was sent
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PortAnswer.Silent;
        }
    }

    private static string Accepted(int httpPort, PortAnswer http, int httpsPort, PortAnswer https) => (http, https) switch
    {
        (PortAnswer.Silent, PortAnswer.Silent) => $"accepts TCP connections on port {httpPort} and {httpsPort}",
        (PortAnswer.Silent, _) => $"accepts TCP connections on port {httpPort} (and refuses them on {httpsPort})",
        _ => $"accepts TCP connections on port {httpsPort} (and refuses them on {httpPort})",
    };

    private static string Seconds(NamedTimeout timeout) =>
        timeout.Value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
