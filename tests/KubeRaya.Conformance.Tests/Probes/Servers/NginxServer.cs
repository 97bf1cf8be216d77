using System.Diagnostics;
using System.Net.Sockets;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes;

namespace KubeRaya.Conformance.Tests.Probes.Servers;

/// <summary>
/// Debian's nginx, run as a child process on two loopback ports with a configuration written by the
/// test, as the reference platform's ingress is. It owns the certificates it is given: their 0600 key
/// files are written into its directory and deleted, with the certificates, when it is disposed.
/// </summary>
internal sealed class NginxServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly IReadOnlyCollection<IssuedCertificate> _certificates;

    private NginxServer(Process process, DirectoryInfo directory, IReadOnlyCollection<IssuedCertificate> certificates, int httpPort, int httpsPort)
    {
        _process = process;
        _directory = directory;
        _certificates = certificates;
        Endpoint = new ProbeEndpoint("127.0.0.1", httpPort, httpsPort);
    }

    public ProbeEndpoint Endpoint { get; }

    /// <summary>Starts nginx with <paramref name="servers"/> (server blocks) inside the http block. In them,
    /// {http} and {https} stand for the ports and {cert:NAME} / {key:NAME} for the files of certificate NAME.</summary>
    public static async Task<NginxServer> StartAsync(string servers, IReadOnlyDictionary<string, IssuedCertificate> certificates)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"These tests run Debian's nginx: install nginx-light ({Binary} is missing).");
        var directory = Directory.CreateTempSubdirectory("kr-nginx-");
        var (httpPort, httpsPort) = (FreePort.Next(), FreePort.Next());
        foreach (var (name, issued) in certificates)
        {
            var files = issued.WriteFiles(directory.FullName);
            servers = servers.Replace($"{{cert:{name}}}", files.CertificatePath, StringComparison.Ordinal)
                .Replace($"{{key:{name}}}", files.KeyPath, StringComparison.Ordinal);
        }

        var root = directory.FullName;
        var configuration = $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            error_log stderr warn;
            pid {{root}}/nginx.pid;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{root}}/body;
                proxy_temp_path {{root}}/proxy;
                fastcgi_temp_path {{root}}/fastcgi;
                uwsgi_temp_path {{root}}/uwsgi;
                scgi_temp_path {{root}}/scgi;
                default_type text/plain;
            {{servers.Replace("{http}", httpPort.ToString(), StringComparison.Ordinal).Replace("{https}", httpsPort.ToString(), StringComparison.Ordinal)}}
            }
            """;
        var path = Path.Combine(root, "nginx.conf");
        await File.WriteAllTextAsync(path, configuration);
        var process = Process.Start(new ProcessStartInfo(Binary, ["-p", root, "-c", path, "-e", "stderr"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var server = new NginxServer(process, directory, [.. certificates.Values], httpPort, httpsPort);
        var ready = await BoundedPoll.UntilAsync(
            ct => Task.FromResult(!process.HasExited && Accepts(httpPort) && Accepts(httpsPort)),
            up => up || process.HasExited,
            new NamedTimeout("nginx-start", TimeSpan.FromSeconds(10)),
            CancellationToken.None,
            interval: TimeSpan.FromMilliseconds(20));
        if (!ready.Satisfied || process.HasExited)
        {
            var errors = process.HasExited ? await process.StandardError.ReadToEndAsync() : "(still running, ports not open)";
            await server.DisposeAsync();
            throw new InvalidOperationException($"nginx did not start: {errors}");
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        foreach (var certificate in _certificates) certificate.Dispose();
        _directory.Delete(recursive: true);
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
