using System.Globalization;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference.Network;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// The nginx master running inside the namespace, with its own prefix, pid file and logs. A new configuration is
/// written aside, checked with <c>nginx -t</c>, moved into place and loaded with SIGHUP; the change counts as applied
/// only when the status server answers the new generation and every worker of the old generation has stopped
/// accepting (a failed reload leaves the old configuration running, and the error log says why).
/// </summary>
internal sealed class NginxServer : IAsyncDisposable
{
    private readonly NetworkNamespace ns;
    private readonly NginxLayout layout;
    private readonly ReferenceDataPlaneOptions options;
    private readonly HttpClient status;
    private NamespaceProcess? master;

    private NginxServer(NetworkNamespace ns, NginxLayout layout, ReferenceDataPlaneOptions options)
    {
        this.ns = ns;
        this.layout = layout;
        this.options = options;
        status = ns.CreateHttpClient();
    }

    /// <summary>The files of this instance.</summary>
    public NginxLayout Layout => layout;

    /// <summary>The generation known to be served.</summary>
    public long Generation { get; private set; } = -1;

    /// <summary>Checks <paramref name="config"/>, starts nginx with it, and waits until it serves generation <paramref name="generation"/>.</summary>
    public static async Task<NginxServer> StartAsync(NetworkNamespace ns, NginxLayout layout, ReferenceDataPlaneOptions options, string config, long generation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        foreach (var folder in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
            Directory.CreateDirectory(Path.Combine(layout.TempPath, folder));
        var server = new NginxServer(ns, layout, options);
        try
        {
            await server.CheckAsync(config, cancellationToken).ConfigureAwait(false);
            File.Move(layout.CandidatePath, layout.ConfigPath, overwrite: true);
            server.master = NamespaceProcess.Start(ns, options.NginxPath, ["-p", layout.Prefix, "-c", layout.ConfigPath, "-e", layout.ErrorLogPath],
                new Dictionary<string, string>(), layout.OutputLogPath, "nginx");
            await server.AwaitGenerationAsync(generation, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Checks, installs and loads <paramref name="config"/>; returns when generation <paramref name="generation"/> is served.</summary>
    public async Task ApplyAsync(string config, long generation, CancellationToken cancellationToken)
    {
        if (master is null || master.Exited.IsCompleted)
            throw new InvalidOperationException($"nginx is not running. Its log ends: {master?.LogTail() ?? string.Empty} {ErrorLogTail()}");
        await CheckAsync(config, cancellationToken).ConfigureAwait(false);
        File.Move(layout.CandidatePath, layout.ConfigPath, overwrite: true);
        var oldWorkers = Workers().Where(w => !w.ShuttingDown).Select(w => w.ProcessId).ToHashSet();
        master.Signal(NativeMethods.SigHup);
        await AwaitGenerationAsync(generation, cancellationToken).ConfigureAwait(false);

        // A worker of the old generation keeps accepting until it handles the master's QUIT; only then does every
        // new connection get the new configuration (it retitles itself and closes its listeners at once).
        var retired = await BoundedPoll.UntilAsync(
            _ => Task.FromResult(Workers().Where(w => oldWorkers.Contains(w.ProcessId) && !w.ShuttingDown).ToList()),
            accepting => accepting.Count == 0,
            options.Timeouts.Converge,
            cancellationToken,
            interval: TimeSpan.FromMilliseconds(5)).ConfigureAwait(false);
        if (!retired.Satisfied)
            throw new InvalidOperationException($"nginx workers {string.Join(", ", retired.Last!.Select(w => w.ProcessId))} of the previous configuration were still accepting after the {options.Timeouts.Converge}.");
    }

    /// <summary>The master's worker processes, and whether each is shutting down (retired by a reload).</summary>
    private List<(int ProcessId, bool ShuttingDown)> Workers()
    {
        var workers = new List<(int, bool)>();
        var parent = master!.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] != parent) continue;
                var title = File.ReadAllText(Path.Combine(folder, "cmdline"));
                if (title.Contains("worker process", StringComparison.Ordinal))
                    workers.Add((pid, title.Contains("shutting down", StringComparison.Ordinal)));
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return workers;
    }

    private async Task CheckAsync(string config, CancellationToken cancellationToken)
    {
        PlatformDirectory.WritePrivateFile(layout.CandidatePath, config);
        // Inside the namespace: the check binds the listen addresses, which exist only there.
        var check = await HostCommand.RunAsync("ip", ["netns", "exec", ns.Name, options.NginxPath, "-t", "-q", "-p", layout.Prefix, "-c", layout.CandidatePath, "-e", layout.ErrorLogPath],
            options.Timeouts.Command, cancellationToken).ConfigureAwait(false);
        if (!check.Succeeded)
            throw new InvalidOperationException($"nginx rejected the rendered configuration ({layout.CandidatePath}): {check.Error.Trim()} {check.Output.Trim()}".Trim());
    }

    private async Task AwaitGenerationAsync(long generation, CancellationToken cancellationToken)
    {
        var uri = new Uri($"http://{NginxConfigRenderer.InternalTls.Address}:{NginxConfigRenderer.StatusPort}{NginxConfigRenderer.GenerationPath}");
        var expected = generation.ToString(CultureInfo.InvariantCulture);
        var served = await BoundedPoll.UntilAsync(
            async token =>
            {
                if (master!.Exited.IsCompleted) throw new OperationCanceledException("nginx exited");
                return await status.GetStringAsync(uri, token).ConfigureAwait(false);
            },
            body => body == expected,
            options.Timeouts.Converge,
            cancellationToken,
            interval: TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
        if (!served.Satisfied)
            throw new InvalidOperationException($"nginx did not serve configuration generation {generation} within the {options.Timeouts.Converge} (it served '{served.Last}'). Error log: {ErrorLogTail()} {master!.LogTail(5)}".Trim());
        Generation = generation;
    }

    /// <summary>The last lines of nginx's error log.</summary>
    public string ErrorLogTail(int lines = 10)
    {
        try
        {
            return string.Join('\n', File.ReadLines(layout.ErrorLogPath).TakeLast(lines)).Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Kills nginx at once, synchronously (process exit path).</summary>
    public void Kill() => master?.Kill();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (master is not null)
            await master.StopAsync(NativeMethods.SigTerm, options.Timeouts.Cleanup, CancellationToken.None).ConfigureAwait(false);
        status.Dispose();
    }
}
