namespace KubeRaya.Conformance.Targets;

/// <summary>
/// The k3s target, composed without running anything: a privileged K3s container (Testcontainers.K3s) from a
/// pinned image with its bundled Traefik disabled, the container's ports 80 and 443 published on loopback at
/// ports Docker picks, the node labelled <c>ingress-ready=true</c> so the same pinned controller as on kind
/// schedules there and binds the node's ports 80/443, and the Docker settings the target runs with.
/// </summary>
/// <param name="RunId">The run; the container carries it as a label, so a leftover is easy to find and remove.</param>
/// <param name="Controller">How the controller is installed (with the kubeconfig read from the container).</param>
public sealed record K3sPlan(string RunId, ControllerInstall Controller)
{
    /// <summary>The K3s image: Kubernetes 1.32, as the kind target's node image and the reference platform.</summary>
    public const string Image = "rancher/k3s:v1.32.2-k3s1";

    /// <summary>The container's arguments: the K3s server without its bundled Traefik (the pinned controller replaces it).</summary>
    public static IReadOnlyList<string> ServerArguments { get; } = ["server", "--disable=traefik"];

    /// <summary>The container ports published on the host (at ports Docker chooses): the ingress's HTTP and HTTPS.</summary>
    public static IReadOnlyList<int> IngressPorts { get; } = [80, 443];

    /// <summary>
    /// The Docker settings the target runs with. The Testcontainers ones are applied when unset: Ryuk (a reaper
    /// container from another image) off, since the session removes its container on every way out; the host
    /// override keeps the published ports on loopback. DOCKER_API_VERSION is the user's to set for older engines.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DockerSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TESTCONTAINERS_RYUK_DISABLED"] = "true",
        ["TESTCONTAINERS_HOST_OVERRIDE"] = "127.0.0.1",
    };

    /// <summary>The label on the container: <c>docker rm -f $(docker ps -aq --filter label=…)</c> removes a leftover.</summary>
    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string>(StringComparer.Ordinal) { [Workloads.RunLabels.Run] = RunId };

    /// <summary>The tools the target runs (no docker CLI: Testcontainers speaks to the engine's API).</summary>
    public IReadOnlyList<string> Tools => Controller.Tools;

    /// <summary>Labels the K3s node where the kind manifests of the controllers schedule.</summary>
    public ToolCommand LabelNode =>
        new("kubectl", ["--kubeconfig", Controller.Kubeconfig, "label", "nodes", "--all", "ingress-ready=true", "--overwrite"], "label the K3s node ingress-ready");
}
