namespace KubeRaya.Conformance.Targets;

/// <summary>
/// Every command the kind target runs, composed without running anything: checks that kind, Docker (with a
/// running engine) and kubectl are there, creates the cluster from the kind configuration into a kubeconfig of
/// the run's own, installs the pinned controller, exports the controller's and the cluster's logs, deletes the
/// cluster. -WhatIf prints <see cref="Describe"/>.
/// </summary>
/// <param name="ClusterName">The kind cluster's name (the run id, so it is unique and recognisable).</param>
/// <param name="ConfigPath">The kind configuration file.</param>
/// <param name="Controller">How the controller is installed.</param>
public sealed record KindPlan(string ClusterName, string ConfigPath, ControllerInstall Controller)
{
    /// <summary>The tools the target needs, in the order they are checked.</summary>
    public IReadOnlyList<string> Tools => ["kind", "docker", .. Controller.Tools];

    /// <summary>Asks the Docker engine for its version: fails when only the CLI is installed and no engine answers.</summary>
    public static ToolCommand DockerEngine { get; } = new("docker", ["info", "--format", "{{.ServerVersion}}"], "reach a running Docker engine");

    /// <summary>kind's own version, for the report.</summary>
    public static ToolCommand KindVersion { get; } = new("kind", ["version"], "read kind's version");

    /// <summary>Creates the cluster and waits for its control plane.</summary>
    public ToolCommand Create =>
        new("kind", ["create", "cluster", "--name", ClusterName, "--config", ConfigPath, "--kubeconfig", Controller.Kubeconfig, "--wait", "300s"], "create the kind cluster");

    /// <summary>Exports the cluster's logs (nodes, kubelet, containers) into a folder.</summary>
    public ToolCommand ExportLogs(string directory) =>
        new("kind", ["export", "logs", directory, "--name", ClusterName], "export the cluster's logs");

    /// <summary>Deletes the cluster.</summary>
    public ToolCommand Delete =>
        new("kind", ["delete", "cluster", "--name", ClusterName, "--kubeconfig", Controller.Kubeconfig], "delete the kind cluster");

    /// <summary>What the target would do, one line each: every command in order and the manifest URL with its digest.</summary>
    public IReadOnlyList<string> Describe()
    {
        var pin = Controller.Pin;
        var lines = new List<string>
        {
            $"tools needed: {string.Join(", ", Tools)} (docker with a running engine)",
            $"check:    {DockerEngine.CommandLine}",
            $"check:    {KindVersion.CommandLine}",
            $"create:   {Create.CommandLine}",
            $"download: {pin.Url} (sha256 {pin.Sha256}{(pin.IsVerified ? "" : ": the run refuses an unverified pin")}) -> {Controller.DownloadPath}",
        };
        lines.AddRange(Controller.Commands.Select(c => $"install:  {c.CommandLine}"));
        lines.Add($"wait:     controller pods ({pin.ControllerPods}) in namespace {pin.Namespace} Ready"
                  + (pin.AdmissionWebhook ? $"; then a server-side dry-run Ingress of class {pin.IngressClass} admitted twice in a row (the admission webhook answers)" : ""));
        lines.Add($"suite:    the Gherkin suite with kubeconfig {Controller.Kubeconfig}, IngressClass {pin.IngressClass}");
        lines.Add($"logs:     {Controller.ControllerLogs.CommandLine} > <report-dir>/cluster-logs/{pin.Name}.log");
        lines.Add($"logs:     {ExportLogs("<report-dir>/cluster-logs/kind").CommandLine}");
        lines.Add($"delete:   {Delete.CommandLine} (skipped with -KeepCluster)");
        return lines;
    }
}
