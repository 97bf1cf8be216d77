using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Runs;
using KubeRaya.Conformance.Targets;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// A throwaway kind cluster: created from <c>kind-config/</c> (or -KindConfig), with the pinned controller
/// (-Controller, default ingress-nginx) installed from its upstream manifest or chart after a digest check and
/// waited for; then the existing-cluster preflight. Logs of the controller and the cluster go into the report
/// directory, and the cluster is deleted on every way out (success, failure, Ctrl-C) unless -KeepCluster.
/// </summary>
public sealed class KindSession : ClusterSession
{
    private readonly KindLifecycle _lifecycle;

    private KindSession(RunConfiguration configuration, IReadOnlyDictionary<string, string> environment, KindLifecycle lifecycle)
        : base(configuration, environment, lifecycle.StopAsync)
    {
        _lifecycle = lifecycle;
    }

    /// <summary>Prints every command and URL the target would use, runs nothing, returns 0.</summary>
    public static int WhatIf(Arguments arguments, string runId, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (plan, keep, _) = Compose(arguments, runId, Path.Combine(Path.GetTempPath(), $"{runId}-kind"));
        arguments.RejectUnknown();
        output.WriteLine($"-WhatIf: the kind target would run (nothing was run){(keep ? "; -KeepCluster keeps the cluster" : "")}:");
        foreach (var line in plan.Describe()) output.WriteLine("  " + line);
        return 0;
    }

    /// <summary>Creates the cluster and the controller; cleans up itself if that fails or is interrupted.</summary>
    public static async Task<ITargetSession> OpenAsync(Arguments arguments, string runId, string reportDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var work = Directory.CreateTempSubdirectory("kr-kind-");
        var (plan, keep, keepOnFailure) = Compose(arguments, runId, work.FullName);
        arguments.RejectUnknown();
        var tools = new ToolRunner();
        var timeouts = Timeouts.FromEnvironment();
        var lifecycle = new KindLifecycle(plan, tools, keep, reportDirectory, work, output);
        return await lifecycle.GuardAsync<ITargetSession>(async () =>
        {
            ThrowawayCluster.RequireTools(tools, plan.Tools, "kind");
            var engine = await tools.RunAsync(KindPlan.DockerEngine, timeouts.Tool, cancellationToken).ConfigureAwait(false);
            if (!engine.Succeeded)
                throw new IncompleteRunException($"docker is installed but no Docker engine answers ({engine.LastLine}): start the Docker daemon, or point DOCKER_HOST at one");
            var kindVersion = (await tools.RunCheckedAsync(KindPlan.KindVersion, timeouts.Tool, cancellationToken).ConfigureAwait(false)).Output.Trim();
            ControllerPins.RequireVerified(plan.Controller.Pin, plan.Controller.PinDirectory);

            output.WriteLine($"Creating kind cluster {plan.ClusterName} ({kindVersion})...");
            lifecycle.Created = true;
            await tools.RunCheckedAsync(plan.Create, timeouts.ClusterCreate, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Installing {plan.Controller.Pin.Description}...");
            var controller = await ThrowawayCluster.InstallControllerAsync(tools, plan.Controller, cancellationToken).ConfigureAwait(false);

            var configuration = new RunConfiguration
            {
                RunId = runId,
                Target = "kind",
                Kubeconfig = plan.Controller.Kubeconfig,
                IngressClass = plan.Controller.Pin.IngressClass,
                ReportDirectory = reportDirectory,
                KeepOnFailure = keepOnFailure,
            };
            var (checkedConfiguration, environment) = await ExistingSession.InspectAsync(configuration, cancellationToken).ConfigureAwait(false);
            environment["target"] = $"kind cluster {plan.ClusterName} (throwaway, {(keep ? "kept after the run" : "deleted after the run")})";
            environment["kindVersion"] = kindVersion;
            environment["nodeImage"] = $"{KindClusterConfig.NodeImage(File.ReadAllText(plan.ConfigPath)) ?? "kind's default node image"} ({environment["nodeImage"]})";
            Describe(environment, plan.Controller.Pin, controller);
            return new KindSession(checkedConfiguration, environment, lifecycle);
        }).ConfigureAwait(false);
    }

    /// <summary>Exports the controller's and the cluster's logs into the report directory, before the report is written.</summary>
    public override Task ExportLogsAsync(CancellationToken cancellationToken) => _lifecycle.ExportLogsAsync(cancellationToken);

    /// <summary>The environment lines for the controller, shared with the k3s target.</summary>
    public static void Describe(Dictionary<string, string> environment, ControllerPin pin, ControllerObservation controller)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(controller);
        environment["controller"] = $"{pin.Description}{(pin.Status is null ? "" : $"; {pin.Status}")}";
        environment["controllerImage"] = controller.Image;
        environment["controllerSource"] = $"{pin.Url} (sha256 {pin.Sha256})";
        environment["controllerReadiness"] = $"{controller.ReadyPods} pod(s) Ready; {controller.Admission}";
    }

    private static (KindPlan Plan, bool KeepCluster, bool KeepOnFailure) Compose(Arguments arguments, string runId, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var root = RepositoryLayout.Root();
        var config = Path.GetFullPath(arguments.Text("kind-config") ?? KindClusterConfig.DefaultPath(root));
        if (!File.Exists(config)) throw new UsageException($"-KindConfig '{config}' does not exist: give a kind v1alpha4 Cluster file (kind-config/cluster.yaml is the default)");
        var problems = KindClusterConfig.Problems(File.ReadAllText(config));
        if (problems.Count > 0) throw new UsageException($"-KindConfig '{config}' cannot be used:{string.Concat(problems.Select(p => "\n  - " + p))}");
        var pins = ControllerPins.Directory(root);
        ControllerPin pin;
        try
        {
            pin = ControllerPins.Get(pins, arguments.Text("controller"));
        }
        catch (ClusterConnectionException e)
        {
            throw ExistingSession.Translate(e);
        }
        var install = new ControllerInstall(pin, pins, Path.Combine(workDirectory, "kubeconfig"), Path.Combine(workDirectory, pin.DownloadFileName));
        return (new KindPlan(runId, config, install), arguments.Flag("keep-cluster"), arguments.Flag("keep-on-failure"));
    }

    /// <summary>A kind cluster's end: kind exports its logs and deletes it.</summary>
    private sealed class KindLifecycle(KindPlan plan, ToolRunner tools, bool keep, string reportDirectory, DirectoryInfo work, TextWriter output)
        : ThrowawayLifecycle(plan.Controller, tools, keep, reportDirectory, work, output)
    {
        protected override string KeptLine =>
            $"kind cluster {plan.ClusterName} kept (-KeepCluster): 'kind get kubeconfig --name {plan.ClusterName}' gives its kubeconfig; delete it with 'kind delete cluster --name {plan.ClusterName}'";

        protected override async Task ExportClusterLogsAsync(string folder, CancellationToken cancellationToken)
        {
            var export = await Tools.RunAsync(plan.ExportLogs(Path.Combine(folder, "kind")), Timeouts.FromEnvironment().Tool, cancellationToken).ConfigureAwait(false);
            if (!export.Succeeded) await File.WriteAllTextAsync(Path.Combine(folder, "kind-export-failed.txt"), $"'{export.Command.CommandLine}' failed: {export.LastLine}\n", cancellationToken).ConfigureAwait(false);
        }

        protected override async Task<string?> RemoveAsync()
        {
            try
            {
                var deleted = await Tools.RunAsync(plan.Delete, Timeouts.FromEnvironment().Tool, CancellationToken.None).ConfigureAwait(false);
                return deleted.Succeeded ? null : $"could not delete kind cluster {plan.ClusterName} ({deleted.LastLine}): delete it with '{plan.Delete.CommandLine}'";
            }
            catch (ClusterConnectionException e)
            {
                return $"could not delete kind cluster {plan.ClusterName} ({e.Message}): delete it with '{plan.Delete.CommandLine}'";
            }
        }
    }
}
