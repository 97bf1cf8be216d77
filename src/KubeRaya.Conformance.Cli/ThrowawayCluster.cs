using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Targets;

namespace KubeRaya.Conformance.Cli;

/// <summary>What the kind and k3s targets share: checking tools, installing the pinned controller and waiting for it, keeping its logs.</summary>
public static class ThrowawayCluster
{
    /// <summary>The folder of the report directory that receives cluster and controller logs.</summary>
    public const string LogFolder = "cluster-logs";

    /// <summary>Fails with one line (exit 3) for the first tool that is not on PATH.</summary>
    public static void RequireTools(ToolRunner tools, IEnumerable<string> names, string target)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (tools.Locate(name) is null)
                throw new IncompleteRunException($"'{name}' is not installed (not found on PATH), and -Target {target} needs it: install {name} (README.md, 'Real clusters', lists what a machine needs)");
        }
    }

    /// <summary>Downloads the pinned manifest or chart (digest checked), runs the install commands and waits until the controller is ready.</summary>
    public static async Task<ControllerObservation> InstallControllerAsync(ToolRunner tools, ControllerInstall install, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(install);
        var timeouts = Timeouts.FromEnvironment();
        try
        {
            await ManifestDownload.SaveVerifiedAsync(install.Pin, install.PinDirectory, install.DownloadPath, timeouts.Tool, cancellationToken).ConfigureAwait(false);
            foreach (var command in install.Commands)
                await tools.RunCheckedAsync(command, timeouts.Tool, cancellationToken).ConfigureAwait(false);
            var (connection, _) = await ExistingSession.ConnectAsync(install.Kubeconfig, null, timeouts.Connect.Value * 2, cancellationToken).ConfigureAwait(false);
            using (connection)
            {
                return await ControllerReadiness.WaitAsync(connection.Client, install.Pin, timeouts.ControllerReady, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ClusterConnectionException e)
        {
            throw ExistingSession.Translate(e);
        }
    }

    /// <summary>Writes the controller's logs into the report directory's log folder; a failure is noted in the file, never thrown.</summary>
    public static async Task ExportControllerLogsAsync(ToolRunner tools, ControllerInstall install, string reportDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(install);
        var folder = Directory.CreateDirectory(Path.Combine(reportDirectory, LogFolder)).FullName;
        string text;
        try
        {
            var result = await tools.RunAsync(install.ControllerLogs, Timeouts.FromEnvironment().Tool, cancellationToken).ConfigureAwait(false);
            text = result.Succeeded ? result.Output : $"'{result.Command.CommandLine}' failed (exit {result.ExitCode}): {result.LastLine}\n";
        }
        catch (ClusterConnectionException e)
        {
            text = e.Message + "\n";
        }
        await File.WriteAllTextAsync(Path.Combine(folder, install.Pin.Name + ".log"), text, cancellationToken).ConfigureAwait(false);
    }
}
