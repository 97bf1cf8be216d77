using System.Globalization;
using System.Text;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Tests.Support;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// Debian's nginx on 127.0.0.1 (two OS-chosen ports, HTTP and HTTPS) behaving as an <see cref="IngressConfiguration"/>
/// says. Certificates come from <see cref="EndToEndPki"/>; their keys exist only in 0600 files in nginx's private
/// directory, which disposal removes together with the CA bundle file.
/// </summary>
internal sealed class LocalIngress : IAsyncDisposable
{
    private const string CaBundleFile = "ca-bundle.pem";
    private readonly NginxServer _nginx;

    private LocalIngress(NginxServer nginx) => _nginx = nginx;

    /// <summary>The plain-HTTP port.</summary>
    public int HttpPort => _nginx.Port;

    /// <summary>The HTTPS port.</summary>
    public int HttpsPort => _nginx.SecondPort;

    /// <summary>The PEM file holding the run's CA bundle.</summary>
    public string CaBundlePath => Path.Combine(_nginx.Directory, CaBundleFile);

    /// <summary>Issues the certificates the configuration calls for and starts nginx with them.</summary>
    public static async Task<LocalIngress> StartAsync(IngressConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var pki = EndToEndPki.Shared;
        var issuer = configuration.FirstHostFromUnrelatedCa ? pki.UnrelatedIntermediate : pki.Intermediate;
        using var first = issuer.Issue(configuration.FirstHostCertificate, [IngressConfiguration.FirstHost]);
        using var second = pki.Intermediate.Issue(LeafProfile.Valid, [IngressConfiguration.SecondHost]);
        var (defaultCertificate, defaultKey) = EndToEndPki.SelfSignedDefault();
        var files = new Dictionary<string, string>
        {
            [CaBundleFile] = pki.CaBundlePem,
            [IngressConfiguration.FirstHost + ".crt"] = first.ChainPem(configuration.FirstHostServesIntermediate),
            [IngressConfiguration.FirstHost + ".key"] = first.PrivateKeyPem(),
            [IngressConfiguration.SecondHost + ".crt"] = second.ChainPem(),
            [IngressConfiguration.SecondHost + ".key"] = second.PrivateKeyPem(),
            ["default.crt"] = configuration.DefaultServerPresentsFirstHostCertificate ? first.ChainPem() : defaultCertificate,
            ["default.key"] = configuration.DefaultServerPresentsFirstHostCertificate ? first.PrivateKeyPem() : defaultKey,
        };
        return new LocalIngress(await NginxServer.StartAsync(Render(configuration), files, cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _nginx.DisposeAsync();

    /// <summary>The body of nginx's http block: a default server, then for each host a plain-HTTP and an HTTPS server.</summary>
    private static string Render(IngressConfiguration configuration)
    {
        const string http = NginxServer.PortToken;
        const string https = NginxServer.SecondPortToken;
        const string dir = NginxServer.DirectoryToken;
        var defaultAnswer = configuration.DefaultServerServesApplication ? Application() : "return 404 \"default backend - 404\\n\";";
        var text = new StringBuilder($$"""
            default_type text/plain;
            server_tokens off;
            ssl_protocols {{configuration.Protocols}};
            ssl_ciphers {{configuration.Ciphers}};
            ssl_prefer_server_ciphers on;
            ssl_session_tickets off;
            server {
                listen 127.0.0.1:{{http}} default_server;
                listen 127.0.0.1:{{https}} ssl http2 default_server;
                server_name _;
                ssl_certificate {{dir}}/default.crt;
                ssl_certificate_key {{dir}}/default.key;
                location / { {{defaultAnswer}} }
            }

            """);
        foreach (var host in IngressConfiguration.Hosts)
        {
            var first = host == IngressConfiguration.FirstHost;
            var redirectStatus = first ? configuration.FirstHostRedirectStatus : 308;
            var target = (first ? configuration.FirstHostRedirectTarget : IngressConfiguration.SameUrlOverHttps).Replace("{https}", https, StringComparison.Ordinal);
            var plain = redirectStatus is int status ? $"return {status.ToString(CultureInfo.InvariantCulture)} {target};" : Application();
            var hsts = first ? configuration.FirstHostHsts : IngressConfiguration.YearLongHsts;
            text.Append($$"""
                server {
                    listen 127.0.0.1:{{http}};
                    server_name {{host}};
                    location / { {{plain}} }
                }
                server {
                    listen 127.0.0.1:{{https}} ssl http2;
                    server_name {{host}};
                    ssl_certificate {{dir}}/{{host}}.crt;
                    ssl_certificate_key {{dir}}/{{host}}.key;
                    {{(hsts is null ? "" : $"add_header Strict-Transport-Security \"{hsts}\" always;")}}
                    location / { {{Application()}} }
                }

                """);
        }
        return text.ToString();
    }

    private static string Application() => $"default_type text/html; return 200 '{IngressConfiguration.ApplicationPage}';";
}
