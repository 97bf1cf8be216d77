using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace KubeRaya.Conformance.Echo;

/// <summary>
/// Turns the <c>urls</c> setting (<c>--urls "http://ip:port;https://ip:port"</c> or ASPNETCORE_URLS) into Kestrel
/// listeners; https ones pick their certificate by SNI through <see cref="PodCertificates"/>. Without a setting the
/// echo listens on http://127.0.0.1:8080 only.
/// </summary>
public static class EchoListeners
{
    /// <summary>The listener used when no URL is given.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Configures Kestrel to listen on every URL in <paramref name="urls"/>.</summary>
    public static void Configure(KestrelServerOptions kestrel, string? urls, PodCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        foreach (var text in (string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (https, endpoint) = Parse(text);
            kestrel.Listen(endpoint, listen =>
            {
                if (!https) return;
                listen.UseHttps(new TlsHandshakeCallbackOptions
                {
                    OnConnection = context => ValueTask.FromResult(new System.Net.Security.SslServerAuthenticationOptions
                    {
                        ServerCertificateContext = certificates.For(context.ClientHelloInfo.ServerName),
                    }),
                });
            });
        }
    }

    /// <summary>Parses one URL such as http://127.244.0.2:8080 (host "*", "+" or "0.0.0.0" means any address).</summary>
    public static (bool Https, IPEndPoint Endpoint) Parse(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0) throw new FormatException($"'{url}' is not a URL like http://127.0.0.1:8080.");
        var scheme = url[..separator].ToLowerInvariant();
        if (scheme is not ("http" or "https")) throw new FormatException($"'{url}' has scheme '{scheme}'; only http and https are served.");
        var authority = url[(separator + 3)..].TrimEnd('/');
        var colon = authority.LastIndexOf(':');
        if (colon < 0) throw new FormatException($"'{url}' names no port.");
        var host = authority[..colon].Trim('[', ']');
        var port = int.Parse(authority[(colon + 1)..], CultureInfo.InvariantCulture);
        var address = host is "*" or "+" ? IPAddress.Any : IPAddress.Parse(host);
        return (scheme == "https", new IPEndPoint(address, port));
    }
}
