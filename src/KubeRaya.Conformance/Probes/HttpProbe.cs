using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Authentication;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Sends one HTTP or HTTPS request to an endpoint's address with the Host header and SNI the request
/// names (the <c>curl --resolve</c> model: nothing is resolved), on a connection of its own, and records
/// what came back. Redirects are never followed. Headers and body are read only up to their bounds.
/// Any certificate is accepted: TLS evidence is the <see cref="TlsProbe"/>'s business. Never throws for
/// network problems: they are recorded as a failure sentence. Safe to use from many tasks at once.
/// </summary>
/// <remarks>When the headers came back but the body did not finish, the evidence has both a status and a failure.</remarks>
public sealed class HttpProbe
{
    private readonly Timeouts _timeouts;
    private readonly HttpProbeOptions _options;
    private readonly ProbeConcurrency _concurrency;

    /// <summary>Creates the probe.</summary>
    /// <param name="timeouts">Connect, handshake and request bounds.</param>
    /// <param name="options">Body and header bounds, ALPN offer; defaults when null.</param>
    /// <param name="concurrency">The cap on open connections; <see cref="ProbeConcurrency.Shared"/> when null.</param>
    public HttpProbe(Timeouts timeouts, HttpProbeOptions? options = null, ProbeConcurrency? concurrency = null)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        _timeouts = timeouts;
        _options = options ?? new HttpProbeOptions();
        _concurrency = concurrency ?? ProbeConcurrency.Shared;
    }

    /// <summary>Sends <paramref name="request"/> and records the exchange.</summary>
    public async Task<HttpExchangeEvidence> SendAsync(HttpProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var slot = await _concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var endpoint = request.Endpoint;
        var port = endpoint.PortFor(request.Scheme);
        var target = WireConnection.Describe(endpoint.IpAddress, port);
        var evidence = new HttpExchangeEvidence
        {
            Scheme = request.Scheme, Address = endpoint.Address, Port = port, Sni = TlsClientSession.OnTheWire(request.Sni),
            HostHeader = request.HostHeader, PathAndQuery = request.PathAndQuery,
        };

        var (exchange, refusal) = await RefusedRequestResend.RunAsync(() => AttemptAsync(request, port, target, evidence, clock, cancellationToken)).ConfigureAwait(false);
        return exchange with { FirstAttemptRefusal = refusal };
    }

    /// <summary>One exchange on a connection of its own, and the server's graceful refusal of it, if that is what came back.</summary>
    private async Task<(HttpExchangeEvidence Evidence, string? Refusal)> AttemptAsync(
        HttpProbeRequest request, int port, string target, HttpExchangeEvidence evidence, Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ExchangeAsync(request, port, target, cancellationToken).ConfigureAwait(false);
            return (evidence with
            {
                Status = response.Status, Headers = response.Headers, Body = response.Body,
                BodyTruncated = response.BodyTruncated, Failure = response.BodyFailure, Elapsed = clock.Elapsed,
            }, null);
        }
        catch (ProbeFailureException failure)
        {
            return (evidence with { Failure = failure.Message, Elapsed = clock.Elapsed }, failure.GracefulRefusal);
        }
    }

    private async Task<ReceivedResponse> ExchangeAsync(HttpProbeRequest request, int port, string target, CancellationToken cancellationToken)
    {
        var socket = await WireConnection.ConnectAsync(request.Endpoint.IpAddress, port, _timeouts.Connect, cancellationToken).ConfigureAwait(false);
        if (request.Scheme == "http")
        {
            await using var plain = new NetworkStream(socket, ownsSocket: true);
            return await HttpOverConnection.SendAsync(plain, Message(request, http2: false), target, _options, _timeouts.Request, cancellationToken)
                .ConfigureAwait(false);
        }

        var session = await TlsClientSession.EstablishAsync(
            socket, target, request.Sni, SslProtocols.None, _options.ApplicationProtocols, _timeouts.Handshake, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            return await HttpOverConnection.SendAsync(session.Stream, Message(request, session.Alpn == "h2"), target, _options, _timeouts.Request, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static HttpOverConnection.Request Message(HttpProbeRequest request, bool http2) =>
        new(request.Method, request.EffectiveHost, request.PathAndQuery, request.Headers, http2);
}
