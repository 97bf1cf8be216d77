using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// Reports Pods, Endpoints, Deployment status and Ingress status to the <see cref="IClusterStateSink"/>, sending
/// only what differs from what it last sent successfully, and deleting Pods and Endpoints that are gone. A call
/// that fails is retried on the next report.
/// </summary>
internal sealed class StatusReporter(IClusterStateSink sink)
{
    private readonly Dictionary<string, string> pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> deployments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> ingresses = new(StringComparer.Ordinal);

    /// <summary>The failures of the last report, if any.</summary>
    public IReadOnlyList<string> Failures { get; private set; } = [];

    /// <summary>Sends what changed.</summary>
    public async Task ReportAsync(
        IReadOnlyList<V1Pod> currentPods,
        IReadOnlyList<V1Endpoints> currentEndpoints,
        IReadOnlyList<(V1Deployment Deployment, V1DeploymentStatus Status)> currentDeployments,
        IReadOnlyList<(V1Ingress Ingress, V1IngressStatus Status)> currentIngresses,
        CancellationToken cancellationToken)
    {
        var failures = new List<string>();

        async Task Send<T>(Dictionary<string, string> sent, string key, T value, Func<Task> call)
        {
            var json = KubernetesJson.Serialize(value);
            if (sent.TryGetValue(key, out var last) && last == json) return;
            try
            {
                await call().ConfigureAwait(false);
                sent[key] = json;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"reporting {key}: {e.Message}");
            }
        }

        async Task Delete(Dictionary<string, string> sent, IEnumerable<string> current, Func<string, string, Task> call)
        {
            foreach (var key in sent.Keys.Except(current, StringComparer.Ordinal).ToList())
            {
                var (ns, name) = Split(key);
                try
                {
                    await call(ns, name).ConfigureAwait(false);
                    sent.Remove(key);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Add($"deleting {key}: {e.Message}");
                }
            }
        }

        foreach (var pod in currentPods)
            await Send(pods, Key(pod.Metadata), pod, () => sink.UpsertPodAsync(pod, cancellationToken)).ConfigureAwait(false);
        await Delete(pods, currentPods.Select(p => Key(p.Metadata)), (ns, name) => sink.DeletePodAsync(ns, name, cancellationToken)).ConfigureAwait(false);
        foreach (var item in currentEndpoints)
            await Send(endpoints, Key(item.Metadata), item, () => sink.UpsertEndpointsAsync(item, cancellationToken)).ConfigureAwait(false);
        await Delete(endpoints, currentEndpoints.Select(e => Key(e.Metadata)), (ns, name) => sink.DeleteEndpointsAsync(ns, name, cancellationToken)).ConfigureAwait(false);
        foreach (var (deployment, status) in currentDeployments)
        {
            var meta = deployment.Metadata;
            await Send(deployments, Key(meta), status, () => sink.UpdateDeploymentStatusAsync(meta.NamespaceProperty, meta.Name, status, cancellationToken)).ConfigureAwait(false);
        }

        foreach (var (ingress, status) in currentIngresses)
        {
            var meta = ingress.Metadata;
            await Send(ingresses, Key(meta), status, () => sink.UpdateIngressStatusAsync(meta.NamespaceProperty, meta.Name, status, cancellationToken)).ConfigureAwait(false);
        }

        foreach (var gone in deployments.Keys.Except(currentDeployments.Select(d => Key(d.Deployment.Metadata)), StringComparer.Ordinal).ToList()) deployments.Remove(gone);
        foreach (var gone in ingresses.Keys.Except(currentIngresses.Select(i => Key(i.Ingress.Metadata)), StringComparer.Ordinal).ToList()) ingresses.Remove(gone);
        Failures = failures;
    }

    private static string Key(V1ObjectMeta meta) => meta.NamespaceProperty + "/" + meta.Name;

    private static (string Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}
