using System.Security.Cryptography.X509Certificates;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Performs one TLS handshake with a modern client against an endpoint's HTTPS port, presenting the
/// given SNI (or none), and records what the server served: protocol, cipher suite, ALPN, the chain as
/// sent, its validation against the run's CA bundle only, and the status of a <c>GET /</c> sent over it.
/// Every certificate is accepted so that it can be recorded; judges decide. Never throws for network
/// problems: they are recorded as a failure sentence. Safe to use from many tasks at once.
/// </summary>
public sealed class TlsProbe
{
    private readonly Timeouts _timeouts;
    private readonly X509Certificate2Collection _roots;
    private readonly ProbeConcurrency _concurrency;
    private static readonly HttpProbeOptions StatusOnly = new() { MaxBodyBytes = 0 };

    /// <summary>Creates the probe.</summary>
    /// <param name="timeouts">Connect, handshake and request bounds.</param>
    /// <param name="caBundle">The only roots the served chain is validated against.</param>
    /// <param name="concurrency">The cap on open connections; <see cref="ProbeConcurrency.Shared"/> when null.</param>
    public TlsProbe(Timeouts timeouts, X509Certificate2Collection caBundle, ProbeConcurrency? concurrency = null)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        ArgumentNullException.ThrowIfNull(caBundle);
        _timeouts = timeouts;
        _roots = [.. caBundle];
        _concurrency = concurrency ?? ProbeConcurrency.Shared;
    }

    /// <summary>Shakes hands with <paramref name="endpoint"/>'s HTTPS port.</summary>
    /// <param name="endpoint">Where to connect.</param>
    /// <param name="host">The public host the evidence is about; sent as the Host header of the request after the handshake.</param>
    /// <param name="sni">The SNI to present; null (or an IP literal, which TLS forbids there) sends none.</param>
    /// <param name="options">What to offer; a modern client's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    public async Task<TlsHandshakeEvidence> HandshakeAsync(
        ProbeEndpoint endpoint, string host, string? sni, TlsProbeOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(host);
        options ??= new TlsProbeOptions();
        using var slot = await _concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
        var (evidence, refusal) = await RefusedRequestResend.RunAsync(() => AttemptAsync(endpoint, host, sni, options, cancellationToken)).ConfigureAwait(false);
        return evidence with { FirstAttemptRefusal = refusal };
    }

    private async Task<(TlsHandshakeEvidence Evidence, string? Refusal)> AttemptAsync(
        ProbeEndpoint endpoint, string host, string? sni, TlsProbeOptions options, CancellationToken cancellationToken)
    {
        var port = endpoint.HttpsPort;
        var target = WireConnection.Describe(endpoint.IpAddress, port);
        var evidence = new TlsHandshakeEvidence
        {
            Host = host, Address = endpoint.Address, Port = port, Sni = TlsClientSession.OnTheWire(sni), Completed = false,
            ObservedAt = DateTimeOffset.UtcNow,
        };

        TlsClientSession session;
        try
        {
            var socket = await WireConnection.ConnectAsync(endpoint.IpAddress, port, _timeouts.Connect, cancellationToken).ConfigureAwait(false);
            session = await TlsClientSession.EstablishAsync(
                socket, target, sni, options.Protocols, options.ApplicationProtocols, _timeouts.Handshake, cancellationToken).ConfigureAwait(false);
        }
        catch (ProbeFailureException failure)
        {
            return (evidence with { Failure = failure.Message }, null);
        }

        await using (session.ConfigureAwait(false))
        {
            evidence = evidence with
            {
                Completed = true,
                Protocol = session.Stream.SslProtocol.ToString(),
                CipherSuite = session.Stream.NegotiatedCipherSuite.ToString(),
                Alpn = session.Alpn,
                ServedChain = session.ServedChain.Select(CertificateEvidence.From).ToList(),
                ChainValidation = CustomRootChainValidation.Validate(session.ServedChain, _roots),
            };
            if (!options.SendRequest) return (evidence, null);

            try
            {
                var request = new HttpOverConnection.Request("GET", host, "/", null, Http2: session.Alpn == "h2");
                var response = await HttpOverConnection.SendAsync(session.Stream, request, target, StatusOnly, _timeouts.Request, cancellationToken)
                    .ConfigureAwait(false);
                return (evidence with { HttpStatus = response.Status }, null);
            }
            catch (ProbeFailureException failure)
            {
                return (evidence with { Failure = "The TLS handshake completed, but the HTTP request after it got no response: " + failure.Message }, failure.GracefulRefusal);
            }
        }
    }
}
