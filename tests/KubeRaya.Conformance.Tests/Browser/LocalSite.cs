using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeRaya.Conformance.Tests.Browser;

/// <summary>
/// A Kestrel site on 127.0.0.1 with an HTTP and an HTTPS port, both OS-chosen. HTTP redirects to HTTPS
/// (308, same host) unless told not to (for every host, or for one); HTTPS serves a small page with the given
/// certificate, and a Strict-Transport-Security header when given one. With a script delay, HTTP answers 200 with a
/// page whose script moves the browser to the HTTPS page that long after loading (a client-side redirect).
/// </summary>
internal sealed class LocalSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalSite(WebApplication app, int httpPort, int httpsPort)
    {
        _app = app;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
    }

    public int HttpPort { get; }
    public int HttpsPort { get; }

    public static async Task<LocalSite> StartAsync(X509Certificate2 certificate, bool redirect = true, string? hsts = null, string? hostWithoutRedirect = null, TimeSpan? scriptRedirectAfter = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var httpsPort = 0;
        app.Run(async context =>
        {
            if (context.Request.IsHttps && hsts is not null) context.Response.Headers.StrictTransportSecurity = hsts;
            if (!context.Request.IsHttps && scriptRedirectAfter is { } delay)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    $"<!doctype html><title>moving</title><h1>Moving to HTTPS</h1><script>setTimeout(() => location.href = 'https://{context.Request.Host.Host}:{httpsPort}/', {(int)delay.TotalMilliseconds});</script>");
                return;
            }
            if (!context.Request.IsHttps && redirect && !string.Equals(context.Request.Host.Host, hostWithoutRedirect, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = $"https://{context.Request.Host.Host}:{httpsPort}{context.Request.Path}{context.Request.QueryString}";
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!doctype html><title>sample app</title><h1>Hello from the sample app over {context.Request.Scheme}</h1>");
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var http = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal))).Port;
        httpsPort = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal))).Port;
        return new LocalSite(app, http, httpsPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
