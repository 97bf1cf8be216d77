namespace KubeRaya.Conformance.Targets;

/// <summary>
/// The commands that install a pinned controller into a cluster from its downloaded, digest-checked manifest or
/// chart: the pin's own manifests first (kubectl apply), then the controller (kubectl apply, or helm install with
/// the pin's values). The same plan serves the kind and the k3s target.
/// </summary>
/// <param name="Pin">The controller.</param>
/// <param name="PinDirectory">fixtures/controllers, where the pin's files are.</param>
/// <param name="Kubeconfig">The cluster's kubeconfig (a file of this run, never the user's default).</param>
/// <param name="DownloadPath">Where the downloaded manifest or chart is saved.</param>
public sealed record ControllerInstall(ControllerPin Pin, string PinDirectory, string Kubeconfig, string DownloadPath)
{
    /// <summary>The tools the installation runs.</summary>
    public IReadOnlyList<string> Tools => Pin.Install == "helm-chart" ? ["kubectl", "helm"] : ["kubectl"];

    /// <summary>The installation commands, in order.</summary>
    public IReadOnlyList<ToolCommand> Commands
    {
        get
        {
            var commands = Pin.Before
                .Select(file => new ToolCommand("kubectl", ["--kubeconfig", Kubeconfig, "apply", "-f", Path.Combine(PinDirectory, file)], $"apply {file} for {Pin.Name}"))
                .ToList();
            commands.Add(Pin.Install == "helm-chart"
                ? new ToolCommand("helm", ["install", Pin.Name, DownloadPath, "--kubeconfig", Kubeconfig, "--namespace", Pin.Namespace, "--create-namespace", "--values", Path.Combine(PinDirectory, Pin.Values!)], $"install {Pin.Description}")
                : new ToolCommand("kubectl", ["--kubeconfig", Kubeconfig, "apply", "-f", DownloadPath], $"install {Pin.Description}"));
            return commands;
        }
    }

    /// <summary>The controller's logs (all its pods and containers), for the report directory.</summary>
    public ToolCommand ControllerLogs =>
        new("kubectl", ["--kubeconfig", Kubeconfig, "logs", "--namespace", Pin.Namespace, "--selector", Pin.ControllerPods, "--all-containers=true", "--prefix", "--tail=-1"], $"read the {Pin.Name} logs");
}
