using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using KubeRaya.Conformance.Probes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace KubeRaya.Conformance.Tests.Probes.Servers;

/// <summary>
/// A real Kestrel server on 127.0.0.1, port chosen by the OS, plain or TLS. For TLS it records the SNI of
/// every handshake and serves whatever certificate context <see cref="Certificate"/> holds at that moment.
/// </summary>
internal sealed class KestrelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _sni = new();
    private WebApplication? _app;
    private int _requests;

    /// <summary>The OS-chosen port.</summary>
    public int Port { get; private set; }

    /// <summary>An endpoint whose HTTP and HTTPS ports are both this server's port.</summary>
    public ProbeEndpoint Endpoint => new("127.0.0.1", Port, Port);

    /// <summary>The certificate served to the next handshake (TLS servers only); may be swapped at any time.</summary>
    public SslStreamCertificateContext? Certificate { get; set; }

    /// <summary>SNI of every handshake, in order ("" when the client sent none).</summary>
    public IReadOnlyList<string> ReceivedSni => _sni.ToList();

    /// <summary>How many requests reached the application.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts a TLS server.</summary>
    public static Task<KestrelServer> StartHttpsAsync(
        SslStreamCertificateContext certificate, RequestDelegate app, SslProtocols protocols = SslProtocols.None, bool http2 = true) =>
        StartAsync(app, server => new TlsHandshakeCallbackOptions
        {
            OnConnection = context =>
            {
                server._sni.Enqueue(context.ClientHelloInfo.ServerName);
                return ValueTask.FromResult(new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = server.Certificate,
                    EnabledSslProtocols = protocols,
                    ApplicationProtocols = http2 ? [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11] : [SslApplicationProtocol.Http11],
                });
            },
        }, certificate, http2);

    /// <summary>Starts a plain HTTP server.</summary>
    public static Task<KestrelServer> StartHttpAsync(RequestDelegate app) => StartAsync(app, null, null, http2: false);

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(bound.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<KestrelServer> StartAsync(
        RequestDelegate app, Func<KestrelServer, TlsHandshakeCallbackOptions>? tls, SslStreamCertificateContext? certificate, bool http2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var server = new KestrelServer { Certificate = certificate };
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = http2 ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
                if (tls is not null) listen.UseHttps(tls(server));
            });
        });
        var web = builder.Build();
        server._app = web;
        web.Run(context =>
        {
            Interlocked.Increment(ref server._requests);
            return app(context);
        });
        await web.StartAsync().ConfigureAwait(false);
        server.Port = new Uri(web.Urls.First()).Port;
        return server;
    }
}
