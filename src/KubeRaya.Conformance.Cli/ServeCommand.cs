using System.Text;
using System.Text.Json;
using k8s;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// <c>serve</c> (run-tests.ps1 -Target reference -Serve): starts the reference platform on its own, without the
/// suite, for other tools or for <c>-Target existing</c>. Once it is ready it writes into the report directory
/// <c>kubeconfig</c> (0600) and <c>platform.json</c> (ingress address, ports, and <c>caBundle</c>: the path of a PEM
/// file with the CA of the platform's API server), prints one line, and serves until SIGINT or SIGTERM; then it
/// stops the platform, removes those files (their token dies with the platform) and exits 0.
/// </summary>
public static class ServeCommand
{
    /// <summary>The file describing the served platform.</summary>
    public const string PlatformFileName = "platform.json";

    /// <summary>The kubeconfig file.</summary>
    public const string KubeconfigFileName = "kubeconfig";

    /// <summary>The PEM file with the API server's CA certificate.</summary>
    public const string ApiCaFileName = "api-ca.pem";

    /// <summary>Runs the command until <paramref name="stop"/> is cancelled.</summary>
    public static async Task<int> ExecuteAsync(Arguments arguments, TextWriter output, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var target = arguments.Text("target") ?? "reference";
        if (target != "reference") throw new UsageException($"-Serve starts the reference platform only, but -Target is '{target}': drop -Target or give -Target reference");
        var directory = Path.GetFullPath(arguments.Text("report-dir") ?? Path.Combine("artifacts", "serve"));
        var (faults, harnessFaults) = ReferenceSession.ReadFaults(arguments);
        if (harnessFaults.Count > 0)
            throw new UsageException($"-Serve takes reference platform faults only, but '{harnessFaults[0]}' changes what the harness deploys: drop it, or give it to a run instead");
        arguments.RejectUnknown();
        Directory.CreateDirectory(directory);
        var written = new[] { KubeconfigFileName, PlatformFileName, ApiCaFileName }.Select(f => Path.Combine(directory, f)).ToArray();

        var platform = await ReferenceSession.StartPlatformAsync(faults, stop).ConfigureAwait(false);
        try
        {
            var kubeconfig = PrivateFile.Write(written[0], await File.ReadAllBytesAsync(platform.KubeconfigPath, stop).ConfigureAwait(false));
            var caBundle = Path.Combine(directory, ApiCaFileName);
            await File.WriteAllTextAsync(caBundle, ApiServerCa(platform.KubeconfigPath), stop).ConfigureAwait(false);
            var description = new PlatformDescription(platform.IngressAddress, 80, 443, caBundle);
            // platform.json last: a reader waiting for it finds the kubeconfig and CA in place.
            var temporary = written[1] + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(description, RunConfiguration.JsonOptions), stop).ConfigureAwait(false);
            File.Move(temporary, written[1], overwrite: true);
            output.WriteLine($"reference platform ready (a test double, not a cluster): kubeconfig {kubeconfig}, ingress {platform.IngressAddress} ports 80/443, {written[1]}; stop with Ctrl-C or SIGTERM (process {System.Environment.ProcessId})");
            output.Flush();

            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (stop.Register(() => stopped.TrySetResult()))
            {
                await stopped.Task.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while starting: fall through to the clean stop.
        }
        finally
        {
            foreach (var file in written) File.Delete(file);
            await platform.DisposeAsync().ConfigureAwait(false);
        }
        try
        {
            output.WriteLine("reference platform stopped");
        }
        catch (IOException)
        {
            // Whoever read our output is gone (e.g. the whole process group got SIGTERM); the platform is stopped all the same.
        }
        return 0;
    }

    private static string ApiServerCa(string kubeconfigPath)
    {
        var config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(kubeconfigPath));
        var data = config.Clusters.Single().ClusterEndpoint.CertificateAuthorityData;
        return Encoding.ASCII.GetString(Convert.FromBase64String(data));
    }
}
