using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>
/// Talks to one ingress address the curl --resolve way: connects to the address, presents the URL's host as Host
/// and SNI, never follows redirects, accepts any certificate but records its fingerprint for the test to judge.
/// </summary>
internal static class EdgeClient
{
    public static async Task<EdgeResponse> GetAsync(IPAddress address, string url, CancellationToken cancellationToken, AuthenticationHeaderValue? authorization = null)
    {
        string? fingerprint = null;
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    fingerprint = certificate is null ? null : new X509Certificate2(certificate).GetCertHashString(HashAlgorithmName.SHA256);
                    return true;
                },
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        using var response = await client.SendAsync(request, cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new EdgeResponse(response.StatusCode, headers, body, fingerprint);
    }

    /// <summary>A TLS handshake only, with the given SNI (none when null); returns the leaf's SHA-256 fingerprint and the protocol.</summary>
    public static async Task<(string Fingerprint, SslProtocols Protocol)> HandshakeAsync(IPEndPoint endpoint, string? serverName, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint, cancellationToken);
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = serverName ?? string.Empty,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        }, cancellationToken);
        using var leaf = new X509Certificate2(tls.RemoteCertificate!);
        return (leaf.GetCertHashString(HashAlgorithmName.SHA256), tls.SslProtocol);
    }
}
