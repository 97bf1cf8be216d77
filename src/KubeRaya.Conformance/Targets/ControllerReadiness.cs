using k8s;
using k8s.Models;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Workloads;

namespace KubeRaya.Conformance.Targets;

/// <summary>
/// Waits until a freshly installed ingress controller can take the suite's first Ingress, covering the two known
/// traps: the controller pod is Ready (not merely created or Running), and, for controllers with an admission
/// webhook (ingress-nginx), the webhook answers: a server-side dry-run create of an Ingress of the controller's
/// class is admitted, twice in a row. Until the webhook's certificate is patched in and its Service has an
/// endpoint, that create fails with "failed calling webhook", which is exactly what the first real Ingress would
/// meet. A dry run stores nothing.
/// </summary>
public static class ControllerReadiness
{
    /// <summary>The name of the dry-run Ingress (never stored).</summary>
    public const string ProbeIngressName = "kuberaya-conformance-admission-probe";

    /// <summary>Waits for the controller; returns what was observed (ready pods and their image).</summary>
    /// <exception cref="ClusterConnectionException">The controller was not ready within <paramref name="timeout"/> (exit 3), with the last observation.</exception>
    public static async Task<ControllerObservation> WaitAsync(IKubernetes client, ControllerPin pin, NamedTimeout timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pin);
        var pods = await BoundedPoll.UntilAsync(
            ct => client.CoreV1.ListNamespacedPodAsync(pin.Namespace, labelSelector: pin.ControllerPods, cancellationToken: ct),
            list => ReadyPods(list).Count > 0 && ReadyPods(list).Count == list.Items.Count(p => p.Metadata.DeletionTimestamp is null),
            timeout, cancellationToken, interval: TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        if (!pods.Satisfied)
            throw new ClusterConnectionException($"the {pin.Description} controller was not ready after the {timeout}: {DescribePods(pods.Last, pin)}", false);
        var ready = ReadyPods(pods.Last!);
        var image = ready.SelectMany(p => p.Status?.ContainerStatuses ?? []).Select(c => c.Image).FirstOrDefault()
            ?? ready.SelectMany(p => p.Spec.Containers).Select(c => c.Image).FirstOrDefault() ?? "unknown";
        if (!pin.AdmissionWebhook) return new ControllerObservation(ready.Count, image, "no admission webhook");

        Exception? lastRefusal = null;
        var admitted = await BoundedPoll.UntilAsync(
            async ct =>
            {
                try
                {
                    await client.NetworkingV1.CreateNamespacedIngressAsync(ProbeIngress(pin), pin.Namespace, dryRun: "All", cancellationToken: ct).ConfigureAwait(false);
                    return true;
                }
                catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException)
                {
                    lastRefusal = e;
                    return false;
                }
            },
            ok => ok, timeout, cancellationToken, consecutive: 2, interval: TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        if (!admitted.Satisfied)
            throw new ClusterConnectionException($"the {pin.Description} admission webhook did not admit a dry-run Ingress after the {timeout} (last answer: {Describe(lastRefusal)}): the controller is not ready for the suite", false);
        return new ControllerObservation(ready.Count, image, "admission webhook answering (dry-run Ingress admitted)");
    }

    /// <summary>The dry-run Ingress: the controller's class, one rule to a Service that need not exist.</summary>
    public static V1Ingress ProbeIngress(ControllerPin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new V1ObjectMeta { Name = ProbeIngressName, Labels = new Dictionary<string, string> { [RunLabels.ManagedBy] = RunLabels.Harness } },
            Spec = new V1IngressSpec
            {
                IngressClassName = pin.IngressClass,
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = "admission-probe.kuberaya-conformance.invalid",
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths = [new V1HTTPIngressPath { Path = "/", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = ProbeIngressName, Port = new V1ServiceBackendPort { Number = 80 } } } }],
                        },
                    },
                ],
            },
        };
    }

    private static List<V1Pod> ReadyPods(V1PodList list) =>
        list.Items.Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true).ToList();

    private static string DescribePods(V1PodList? list, ControllerPin pin)
    {
        if (list is null) return $"its pods in namespace {pin.Namespace} could not be listed";
        if (list.Items.Count == 0) return $"no pod matches {pin.ControllerPods} in namespace {pin.Namespace}";
        return string.Join("; ", list.Items.Select(p =>
            $"pod {p.Metadata.Name} is {p.Status?.Phase ?? "without phase"}, Ready={p.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status ?? "unknown"}"
            + (p.Status?.ContainerStatuses?.Select(c => c.State?.Waiting?.Reason).FirstOrDefault(r => r is not null) is { } reason ? $" ({reason})" : "")));
    }

    private static string Describe(Exception? e) => e switch
    {
        null => "none",
        k8s.Autorest.HttpOperationException http => $"{(int)http.Response.StatusCode} {http.Response.Content?.Split('\n')[0]}",
        _ => e.Message.Split('\n')[0],
    };
}
