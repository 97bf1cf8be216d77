using System.Net;
using System.Net.Sockets;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>
/// Sends raw ClientHellos for legacy protocol versions (KR-TLS-03) and weak cipher suites (KR-TLS-04) and records
/// how the server answered. It speaks TLS records itself because the system OpenSSL will not offer what must be
/// detected. Each offer is its own TCP connection to the given address (never resolved from DNS), bounded by the
/// connect timeout and then by the raw-hello timeout; the offers of one probe run concurrently.
/// </summary>
public sealed class LegacyTlsProbe
{
    private readonly Timeouts timeouts;

    /// <summary>A probe bounded by <paramref name="timeouts"/> (Connect, then RawHello, per offer).</summary>
    public LegacyTlsProbe(Timeouts timeouts)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        this.timeouts = timeouts;
    }

    /// <summary>Offers SSLv3, TLS 1.0 and TLS 1.1, each with a broad suite list; one evidence per version.</summary>
    /// <param name="address">IP literal to connect to.</param>
    /// <param name="port">TLS port.</param>
    /// <param name="host">The public host, sent as SNI.</param>
    /// <param name="cancellationToken">Cancels the whole probe.</param>
    public Task<IReadOnlyList<LegacyHandshakeEvidence>> ProbeLegacyProtocolsAsync(string address, int port, string host, CancellationToken cancellationToken) =>
        OfferAllAsync(LegacyOffers.LegacyProtocols(host), address, port, cancellationToken);

    /// <summary>Offers TLS 1.2 with only the suites of one weak group at a time; one evidence per weak group.</summary>
    /// <param name="address">IP literal to connect to.</param>
    /// <param name="port">TLS port.</param>
    /// <param name="host">The public host, sent as SNI.</param>
    /// <param name="cancellationToken">Cancels the whole probe.</param>
    public Task<IReadOnlyList<LegacyHandshakeEvidence>> ProbeWeakCiphersAsync(string address, int port, string host, CancellationToken cancellationToken) =>
        OfferAllAsync(LegacyOffers.WeakCiphers(host), address, port, cancellationToken);

    /// <summary>Sends every offer concurrently, each on its own connection; evidence in the order of the offers.</summary>
    public async Task<IReadOnlyList<LegacyHandshakeEvidence>> OfferAllAsync(IReadOnlyList<LegacyOffer> offers, string address, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offers);
        var ip = ParseAddress(address);
        if (port is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is between 1 and 65535.");
        return await Task.WhenAll(offers.Select(offer => OfferAsync(offer, ip, port, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<LegacyHandshakeEvidence> OfferAsync(LegacyOffer offer, IPAddress address, int port, CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(address, port);
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var failure = await ConnectAsync(socket, offer, endpoint, cancellationToken).ConfigureAwait(false);
        if (failure is not null) return failure;

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var answer = await SendAsync(stream, ClientHelloBuilder.Build(offer.Hello), cancellationToken).ConfigureAwait(false)
            ?? await ServerAnswerReader.ReadAsync(stream, timeouts.RawHello, cancellationToken).ConfigureAwait(false);
        return LegacyAnswerClassifier.Classify(offer, answer, address.ToString(), port);
    }

    /// <summary>Connects within the connect timeout; null on success, otherwise the evidence the failure amounts to.
    /// A reset right after the TCP handshake is the server closing on us, not a failed connection.</summary>
    private async Task<LegacyHandshakeEvidence?> ConnectAsync(Socket socket, LegacyOffer offer, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var address = endpoint.Address.ToString();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeouts.Connect.Value);
        try
        {
            await socket.ConnectAsync(endpoint, bound.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return LegacyAnswerClassifier.ConnectionFailed(offer, address, endpoint.Port, $"no TCP connection to {endpoint} within the {timeouts.Connect}");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            var answer = new ServerAnswer { Kind = ServerAnswerKind.Closed, Detail = "the server reset the connection as soon as it was accepted" };
            return LegacyAnswerClassifier.Classify(offer, answer, address, endpoint.Port);
        }
        catch (SocketException e)
        {
            return LegacyAnswerClassifier.ConnectionFailed(offer, address, endpoint.Port, $"the TCP connection to {endpoint} failed ({e.SocketErrorCode})");
        }
    }

    /// <summary>Writes the hello within the raw-hello timeout; null on success, otherwise the answer that the failure amounts to.</summary>
    private async Task<ServerAnswer?> SendAsync(NetworkStream stream, byte[] hello, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeouts.RawHello.Value);
        try
        {
            await stream.WriteAsync(hello, bound.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ServerAnswer { Kind = ServerAnswerKind.NoAnswer, Detail = $"the {hello.Length}-byte ClientHello could not be sent within the {timeouts.RawHello}" };
        }
        catch (IOException e)
        {
            return new ServerAnswer { Kind = ServerAnswerKind.Closed, Detail = $"the connection broke while the ClientHello was sent ({e.InnerException?.Message ?? e.Message})" };
        }
    }

    private static IPAddress ParseAddress(string address) =>
        IPAddress.TryParse(address, out var ip)
            ? ip
            : throw new ArgumentException($"The raw TLS probe connects to an IP address, never to a name to resolve; got \"{address}\".", nameof(address));
}
