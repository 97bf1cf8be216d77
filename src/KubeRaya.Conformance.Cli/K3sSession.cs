using System.Net;
using DotNet.Testcontainers.Builders;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Runs;
using KubeRaya.Conformance.Targets;
using Testcontainers.K3s;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// A throwaway K3s cluster in a container (Testcontainers.K3s, pinned image), with the same pinned controller
/// choice as the kind target, reached through the kubeconfig read from the container and the container's
/// published ports on loopback. The container is removed on every way out unless -KeepCluster.
/// </summary>
public sealed class K3sSession : ClusterSession
{
    private readonly K3sLifecycle _lifecycle;

    private K3sSession(RunConfiguration configuration, IReadOnlyDictionary<string, string> environment, K3sLifecycle lifecycle)
        : base(configuration, environment, lifecycle.StopAsync)
    {
        _lifecycle = lifecycle;
    }

    /// <summary>Starts K3s and the controller; cleans up itself if that fails or is interrupted.</summary>
    public static async Task<ITargetSession> OpenAsync(Arguments arguments, string runId, string reportDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var root = RepositoryLayout.Root();
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
        var keep = arguments.Flag("keep-cluster");
        var keepOnFailure = arguments.Flag("keep-on-failure");
        arguments.RejectUnknown();

        var work = Directory.CreateTempSubdirectory("kr-k3s-");
        var plan = new K3sPlan(runId, new ControllerInstall(pin, pins, Path.Combine(work.FullName, "kubeconfig"), Path.Combine(work.FullName, pin.DownloadFileName)));
        var tools = new ToolRunner();
        var lifecycle = new K3sLifecycle(plan, tools, keep, reportDirectory, work, output);
        return await lifecycle.GuardAsync<ITargetSession>(async () =>
        {
            ThrowawayCluster.RequireTools(tools, plan.Tools, "k3s");
            foreach (var (name, value) in K3sPlan.DockerSettings)
                if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(name))) System.Environment.SetEnvironmentVariable(name, value);
            var container = Build(plan);
            if (System.Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host
                && await DockerEngineProbe.ProblemAsync(new Uri(host), Timeouts.FromEnvironment().Connect.Value, cancellationToken).ConfigureAwait(false) is { } problem)
                throw new IncompleteRunException($"no Docker engine answers, so -Target k3s cannot start K3s ({problem}): start Docker, or point DOCKER_HOST at one (README.md, 'Real clusters')");
            ControllerPins.RequireVerified(pin, pins);

            output.WriteLine($"Starting K3s ({K3sPlan.Image}) in a container...");
            lifecycle.Container = container;
            lifecycle.Created = true;
            using (var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                bound.CancelAfter(Timeouts.FromEnvironment().ClusterCreate.Value);
                await StartAsync(container, bound.Token, cancellationToken).ConfigureAwait(false);
            }
            PrivateFile.Write(plan.Controller.Kubeconfig, System.Text.Encoding.UTF8.GetBytes(await container.GetKubeconfigAsync().ConfigureAwait(false)));
            await tools.RunCheckedAsync(plan.LabelNode, Timeouts.FromEnvironment().Tool, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Installing {pin.Description}...");
            var controller = await ThrowawayCluster.InstallControllerAsync(tools, plan.Controller, cancellationToken).ConfigureAwait(false);

            var address = IPAddress.TryParse(container.Hostname, out var ip) ? ip : (await Dns.GetHostAddressesAsync(container.Hostname, cancellationToken).ConfigureAwait(false)).First();
            var configuration = new RunConfiguration
            {
                RunId = runId,
                Target = "k3s",
                Kubeconfig = plan.Controller.Kubeconfig,
                IngressClass = pin.IngressClass,
                Address = address.ToString(),
                HttpPort = container.GetMappedPublicPort(80),
                HttpsPort = container.GetMappedPublicPort(443),
                ReportDirectory = reportDirectory,
                KeepOnFailure = keepOnFailure,
            };
            var (checkedConfiguration, environment) = await ExistingSession.InspectAsync(configuration, cancellationToken).ConfigureAwait(false);
            environment["target"] = $"K3s in a container (Testcontainers.K3s; throwaway, {(keep ? "kept after the run" : "removed after the run")})";
            environment["nodeImage"] = $"{K3sPlan.Image} ({environment["nodeImage"]})";
            environment["ingressAddress"] = $"{configuration.Address}, ports {configuration.HttpPort}/{configuration.HttpsPort} published from the container's 80/443";
            environment["dockerSettings"] = string.Join(", ", K3sPlan.DockerSettings.Keys.Append("DOCKER_API_VERSION").Select(k => $"{k}={System.Environment.GetEnvironmentVariable(k) ?? "(unset)"}"));
            KindSession.Describe(environment, pin, controller);
            return new K3sSession(checkedConfiguration, environment, lifecycle);
        }).ConfigureAwait(false);
    }

    /// <summary>Exports the controller's and the container's logs into the report directory, before the report is written.</summary>
    public override Task ExportLogsAsync(CancellationToken cancellationToken) => _lifecycle.ExportLogsAsync(cancellationToken);

    private static K3sContainer Build(K3sPlan plan)
    {
        var builder = new K3sBuilder(K3sPlan.Image);
        foreach (var port in K3sPlan.IngressPorts) builder = builder.WithPortBinding(port, true);
        foreach (var (name, value) in plan.Labels) builder = builder.WithLabel(name, value);
        // An explicit DOCKER_HOST is the only engine used: never a fallback to another socket on the machine.
        if (System.Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host) builder = builder.WithDockerEndpoint(host);
        try
        {
            return builder.Build();
        }
        catch (DockerUnavailableException e)
        {
            throw new IncompleteRunException($"no Docker engine answers, so -Target k3s cannot start K3s ({e.Message.Split('\n')[0].TrimEnd('.')}): start Docker, or point DOCKER_HOST at one (README.md, 'Real clusters')");
        }
    }

    private static async Task StartAsync(K3sContainer container, CancellationToken bounded, CancellationToken interruption)
    {
        try
        {
            await container.StartAsync(bounded).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!interruption.IsCancellationRequested)
        {
            throw new IncompleteRunException($"K3s ({K3sPlan.Image}) did not become ready within the {Timeouts.FromEnvironment().ClusterCreate}");
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not IncompleteRunException)
        {
            throw new IncompleteRunException($"K3s ({K3sPlan.Image}) could not be started ({e.GetType().Name}: {e.Message.Split('\n')[0]}): check that a Docker engine answers and can pull the image");
        }
    }

    /// <summary>A K3s container's end: its log is kept and the container removed.</summary>
    private sealed class K3sLifecycle(K3sPlan plan, ToolRunner tools, bool keep, string reportDirectory, DirectoryInfo work, TextWriter output)
        : ThrowawayLifecycle(plan.Controller, tools, keep, reportDirectory, work, output)
    {
        public K3sContainer? Container { get; set; }

        protected override string KeptLine =>
            $"K3s container kept (-KeepCluster): find it with 'docker ps --filter label={Workloads.RunLabels.Run}={plan.RunId}'";

        protected override async Task ExportClusterLogsAsync(string folder, CancellationToken cancellationToken)
        {
            if (Container is null) return;
            var (stdout, stderr) = await Container.GetLogsAsync(ct: cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(folder, "k3s.log"), stdout + stderr, cancellationToken).ConfigureAwait(false);
        }

        protected override async Task<string?> RemoveAsync()
        {
            if (Container is null) return null;
            try
            {
                await Container.DisposeAsync().ConfigureAwait(false);
                return null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return $"could not remove the K3s container ({e.Message.Split('\n')[0]}): remove it with 'docker rm -f $(docker ps -aq --filter label={Workloads.RunLabels.Run}={plan.RunId})'";
            }
        }
    }
}
