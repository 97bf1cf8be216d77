using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Tests.Support;

/// <summary>
/// Debian's nginx (/usr/sbin/nginx) as a child process with its own temporary prefix, configuration, pid file and
/// error log, listening on 127.0.0.1 at a free port. The caller gives the body of the <c>http { }</c> block, with
/// <see cref="PortToken"/> where the port goes (and <see cref="SecondPortToken"/> where a second, distinct free port goes,
/// e.g. HTTP and HTTPS) and <see cref="DirectoryToken"/> for the prefix directory, plus any files
/// (certificates, keys) to put there with mode 0600. Disposal stops the process and deletes the directory, also when
/// the test failed; it is idempotent.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    /// <summary>Replaced by the TCP port in the configuration body.</summary>
    public const string PortToken = "{{port}}";

    /// <summary>Replaced by a second free TCP port, distinct from <see cref="PortToken"/>'s, in the configuration body.</summary>
    public const string SecondPortToken = "{{port2}}";

    /// <summary>Replaced by the prefix directory (no trailing slash) in the configuration body.</summary>
    public const string DirectoryToken = "{{dir}}";

    /// <summary>The nginx binary used.</summary>
    public const string Binary = "/usr/sbin/nginx";

    private const int Attempts = 3;
    private static readonly NamedTimeout StartTimeout = new("nginx-start", TimeSpan.FromSeconds(15));
    private static readonly NamedTimeout StopTimeout = new("nginx-stop", TimeSpan.FromSeconds(10));

    private readonly Process process;
    private readonly ConcurrentQueue<string> standardError = new();
    private int disposed;

    private NginxServer(string directory, int port, int secondPort)
    {
        Directory = directory;
        Port = port;
        SecondPort = secondPort;
        process = Launch(directory, standardError);
    }

    /// <summary>The port nginx listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The port put where <see cref="SecondPortToken"/> stood (nginx listens on it only if the body says so).</summary>
    public int SecondPort { get; }

    /// <summary>The prefix directory holding the configuration, the files given, the pid file and the error log.</summary>
    public string Directory { get; }

    /// <summary>The address nginx listens on.</summary>
    public static string Address => IPAddress.Loopback.ToString();

    /// <summary>The error log and standard error so far (for failure messages).</summary>
    public string ErrorLog =>
        (File.Exists(ErrorLogPath(Directory)) ? File.ReadAllText(ErrorLogPath(Directory)) : "") + string.Join('\n', standardError);

    /// <summary>Starts nginx with <paramref name="httpBody"/> inside its http block and waits until it listens.</summary>
    public static Task<NginxServer> StartAsync(string httpBody, CancellationToken cancellationToken) =>
        StartAsync(httpBody, new Dictionary<string, string>(), cancellationToken);

    /// <summary>Starts nginx with <paramref name="httpBody"/> inside its http block and <paramref name="files"/>
    /// (name → content) in its directory, and waits until it listens. A port taken in between is retried.</summary>
    public static async Task<NginxServer> StartAsync(string httpBody, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpBody);
        ArgumentNullException.ThrowIfNull(files);
        var lastLog = "";
        var lastDirectory = "";
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("kr-nginx-").FullName; // 0700 on Unix
            lastDirectory = directory;
            NginxServer? server = null;
            try
            {
                foreach (var (name, content) in files) WritePrivate(Path.Combine(directory, name), content);
                var port = FreePort();
                var secondPort = FreePort();
                while (secondPort == port) secondPort = FreePort();
                WritePrivate(ConfigPath(directory), Configuration(httpBody, directory, port, secondPort));
                server = new NginxServer(directory, port, secondPort);
                if (await server.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false)) return server;
                lastLog = server.ErrorLog;
            }
            catch
            {
                if (server is not null) await server.DisposeAsync().ConfigureAwait(false);
                else System.IO.Directory.Delete(directory, recursive: true);
                throw;
            }

            await server.DisposeAsync().ConfigureAwait(false);
            if (!lastLog.Contains("Address already in use", StringComparison.Ordinal)) break;
        }

        throw new InvalidOperationException(
            $"nginx did not start listening within the {StartTimeout}; its directory {lastDirectory} was removed; its error log said:\n{lastLog}");
    }

    /// <summary>Stops nginx and deletes its directory. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var bound = new CancellationTokenSource(StopTimeout.Value);
                await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            process.Dispose();
            if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static string Configuration(string httpBody, string directory, int port, int secondPort)
    {
        var body = httpBody.Replace(PortToken, port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(SecondPortToken, secondPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(DirectoryToken, directory, StringComparison.Ordinal);
        return $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{ErrorLogPath(directory)}} info;
            events { worker_connections 128; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
            {{body}}
            }
            """;
    }

    private static Process Launch(string directory, ConcurrentQueue<string> standardError)
    {
        var start = new ProcessStartInfo(Binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "-p", directory + "/", "-c", ConfigPath(directory), "-e", ErrorLogPath(directory) }) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Binary} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null) standardError.Enqueue(line.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Listening means: the process runs, it wrote its pid file (which nginx does only after binding its
    /// sockets, so a port taken by someone else is not mistaken for ours), and the port accepts a connection.</summary>
    private async Task<bool> WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(Directory, "nginx.pid");
        var result = await BoundedPoll.UntilAsync(
            async token =>
            {
                if (process.HasExited) return true;
                if (!File.Exists(pidFile)) return false;
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, token).ConfigureAwait(false);
                return true;
            },
            done => done,
            StartTimeout,
            cancellationToken,
            interval: TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        return result.Satisfied && !process.HasExited;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WritePrivate(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(content);
    }

    private static string ConfigPath(string directory) => Path.Combine(directory, "nginx.conf");

    private static string ErrorLogPath(string directory) => Path.Combine(directory, "error.log");
}
