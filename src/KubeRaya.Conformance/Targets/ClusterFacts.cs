using k8s;
using k8s.Autorest;

namespace KubeRaya.Conformance.Targets;

/// <summary>Facts about a cluster for the report's environment, read without writing anything.</summary>
public static class ClusterFacts
{
    /// <summary>The nodes' OS images, kubelet versions and container runtimes, or why they could not be read.</summary>
    public static async Task<string> NodesAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var nodes = await client.CoreV1.ListNodeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (nodes.Items.Count == 0) return "no nodes listed";
            return string.Join("; ", nodes.Items
                .Select(n => n.Status?.NodeInfo is { } info ? $"{info.OsImage}, kubelet {info.KubeletVersion}, {info.ContainerRuntimeVersion}" : "no node info")
                .GroupBy(d => d)
                .Select(g => $"{g.Count()} × {g.Key}"));
        }
        catch (HttpOperationException e)
        {
            return $"unknown: listing nodes answered {(int)e.Response.StatusCode} {e.Response.ReasonPhrase}";
        }
    }
}
