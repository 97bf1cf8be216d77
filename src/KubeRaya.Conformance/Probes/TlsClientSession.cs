using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// One client TLS handshake on an open connection, as a modern client would do it, except that every
/// certificate is accepted (the probe records, judges decide) and the certificates are kept as the
/// server sent them. No session is resumed, so every handshake shows what the server serves now.
/// </summary>
internal sealed class TlsClientSession : IAsyncDisposable
{
    private TlsClientSession(RecordingSslStream stream, IReadOnlyList<X509Certificate2> servedChain)
    {
        Stream = stream;
        ServedChain = servedChain;
    }

    /// <summary>The authenticated stream, ready for HTTP; it keeps the first decrypted bytes the server sends.</summary>
    public RecordingSslStream Stream { get; }

    /// <summary>The certificates the server sent, leaf first, in the order sent.</summary>
    public IReadOnlyList<X509Certificate2> ServedChain { get; }

    /// <summary>The ALPN protocol the server selected, or null.</summary>
    public string? Alpn => Stream.NegotiatedApplicationProtocol.Protocol.IsEmpty ? null : Stream.NegotiatedApplicationProtocol.ToString();

    /// <summary>The server_name a client actually sends for <paramref name="sni"/>: none for null, empty or an
    /// IP literal (RFC 6066 forbids addresses there, and the TLS library leaves them out).</summary>
    public static string? OnTheWire(string? sni) =>
        string.IsNullOrEmpty(sni) || System.Net.IPAddress.TryParse(sni, out _) ? null : sni;

    /// <summary>Performs the handshake, or throws <see cref="ProbeFailureException"/> saying why it failed.</summary>
    /// <param name="socket">A connected socket; owned by the session from here on.</param>
    /// <param name="target">"address:port", for the failure sentence.</param>
    /// <param name="sni">The SNI to send; null sends none.</param>
    /// <param name="protocols">Protocols to offer; <see cref="SslProtocols.None"/> lets the system choose.</param>
    /// <param name="alpn">ALPN protocols to offer, in order; empty offers none.</param>
    /// <param name="timeout">The handshake bound.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    public static async Task<TlsClientSession> EstablishAsync(
        Socket socket, string target, string? sni, SslProtocols protocols, IReadOnlyList<SslApplicationProtocol> alpn,
        NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var inbound = new InboundRecordingStream(new NetworkStream(socket, ownsSocket: true));
        var served = new List<X509Certificate2>();
        var stream = new RecordingSslStream(inbound, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            // An empty target host sends no server_name extension.
            TargetHost = OnTheWire(sni) ?? string.Empty,
            EnabledSslProtocols = protocols,
            ApplicationProtocols = alpn.Count == 0 ? null : alpn.ToList(),
            AllowTlsResume = false,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            // The library's own chain build must not fetch anything either (no AIA, no revocation lists).
            CertificateChainPolicy = new X509ChainPolicy
            {
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
                TrustMode = X509ChainTrustMode.CustomRootTrust,
            },
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                Capture(served, certificate, chain);
                return true;
            },
        };

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout.Value);
        try
        {
            await stream.AuthenticateAsClientAsync(options, bound.Token).ConfigureAwait(false);
            return new TlsClientSession(stream, served);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await DiscardAsync(stream, served).ConfigureAwait(false);
            throw new ProbeFailureException(TlsFailureDescription.DescribeTimeout(inbound, target, timeout));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await DiscardAsync(stream, served).ConfigureAwait(false);
            throw new ProbeFailureException(TlsFailureDescription.Describe(e, inbound, target), e);
        }
        catch
        {
            await DiscardAsync(stream, served).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await DiscardAsync(Stream, ServedChain).ConfigureAwait(false);

    private static void Capture(List<X509Certificate2> served, X509Certificate? certificate, X509Chain? chain)
    {
        foreach (var old in served) old.Dispose();
        served.Clear();
        if (certificate is null) return;
        var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        served.Add(leaf);
        if (chain is null) return;

        // The TLS library puts the certificates the server sent into the extra store, in the order sent.
        foreach (var sent in chain.ChainPolicy.ExtraStore)
        {
            if (sent.RawData.AsSpan().SequenceEqual(leaf.RawData) && served.Count == 1) continue;
            served.Add(X509CertificateLoader.LoadCertificate(sent.RawData));
        }
    }

    private static async ValueTask DiscardAsync(SslStream stream, IReadOnlyList<X509Certificate2> served)
    {
        foreach (var certificate in served) certificate.Dispose();
        await stream.DisposeAsync().ConfigureAwait(false);
    }
}
