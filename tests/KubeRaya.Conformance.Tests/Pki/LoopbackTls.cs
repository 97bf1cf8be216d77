using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Tests.Pki;

/// <summary>A real TLS handshake on 127.0.0.1: an SslStream server presenting a certificate, a client trusting one root.</summary>
internal static class LoopbackTls
{
    public static async Task<SslPolicyErrors> HandshakeAsync(
        X509Certificate2 serverCertificate, IEnumerable<X509Certificate2> intermediates, X509Certificate2 trustedRoot,
        string targetHost, CancellationToken ct)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var server = ServeOnceAsync(listener, serverCertificate, [.. intermediates], ct);

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, ct);
        await using var tls = new SslStream(client.GetStream());
        var errors = SslPolicyErrors.None;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = targetHost,
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { trustedRoot },
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
            },
            RemoteCertificateValidationCallback = (_, _, _, e) =>
            {
                errors = e;
                return true;
            },
        };
        await tls.AuthenticateAsClientAsync(options, ct);
        await server;
        return errors;
    }

    private static async Task ServeOnceAsync(
        TcpListener listener, X509Certificate2 certificate, X509Certificate2Collection intermediates, CancellationToken ct)
    {
        using var accepted = await listener.AcceptTcpClientAsync(ct);
        await using var tls = new SslStream(accepted.GetStream());
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(certificate, intermediates, offline: true),
            },
            ct);
    }
}
