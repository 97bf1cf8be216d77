using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// The reference platform's Kubernetes API server: an honest test double of the slice of the Kubernetes REST API
/// the harness uses, served by Kestrel over HTTPS on 127.0.0.1 at an OS-chosen port, with its own in-memory CA
/// and serving certificate and a random bearer token per start. Its state is <see cref="Store"/>, which the
/// platform's controller reads and writes directly.
/// </summary>
/// <example>
/// <code>
/// await using var server = new ReferenceApiServer();
/// var endpoint = await server.StartAsync(ct);
/// KubeconfigWriter.Write(endpoint, kubeconfigPath);
/// </code>
/// </example>
public sealed class ReferenceApiServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private WebApplication? _app;
    private ApiServerCertificates? _certificates;
    private bool _disposed;

    /// <summary>A server over a new store, or over <paramref name="store"/> when given.</summary>
    public ReferenceApiServer(ObjectStore? store = null) => Store = store ?? new ObjectStore();

    /// <summary>The cluster state the server serves; usable before the server starts.</summary>
    public ObjectStore Store { get; }

    /// <summary>How to reach the server once started; null before.</summary>
    public ApiServerEndpoint? Endpoint { get; private set; }

    /// <summary>Starts listening; returns the URL, token and CA. Starting a started server returns its endpoint.</summary>
    /// <exception cref="ObjectDisposedException">When the server was disposed.</exception>
    public async Task<ApiServerEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Endpoint is not null) return Endpoint;
            _certificates = ApiServerCertificates.Create(DateTimeOffset.UtcNow);
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var handler = new ApiRequestHandler(Store, token, _stopping.Token);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(ReferenceApiServer).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            // Only the endpoint below: no URLs or Kestrel endpoints from a host's appsettings or ASPNETCORE_* variables.
            builder.Configuration.Sources.Clear();
            var serving = _certificates.Serving;
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(serving);
                });
            });
            var app = builder.Build();
            app.Run(handler.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            _app = app;
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            var port = new Uri(address).Port;
            Endpoint = new ApiServerEndpoint(new Uri($"https://127.0.0.1:{port}"), token, _certificates.AuthorityPem);
            return Endpoint;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops listening, ends open watches and forgets the keys; idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            await _stopping.CancelAsync().ConfigureAwait(false);
            if (_app is not null)
            {
                await _app.StopAsync().ConfigureAwait(false);
                await _app.DisposeAsync().ConfigureAwait(false);
            }

            _certificates?.Dispose();
            _stopping.Dispose();
        }
        finally
        {
            _lifecycle.Release();
        }
    }
}
