using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Reads the kinds the audit judges from a live cluster through a KubernetesClient, in pages, into an
/// <see cref="ObjectSet"/> of <see cref="ObjectSetScope.Cluster"/> scope, so the judges that audit manifests audit
/// the cluster the same way. A kind the client may not list becomes a <see cref="LoadProblem"/>, leaving the
/// controls that need it undecided rather than passed. Secret values other than <c>tls.crt</c> are dropped as they
/// arrive.
/// </summary>
public sealed class LiveObjectReader
{
    private readonly IKubernetes client;
    private readonly int pageSize;

    /// <summary>A reader over a client; <paramref name="pageSize"/> objects per list request.</summary>
    public LiveObjectReader(IKubernetes client, int pageSize = 500)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        this.client = client;
        this.pageSize = pageSize;
    }

    /// <summary>Reads one namespace, or every namespace when <paramref name="namespaceName"/> is null.</summary>
    public async Task<ObjectSet> ReadAsync(string? namespaceName, CancellationToken cancellationToken)
    {
        var builder = new ObjectSetBuilder();
        var ns = namespaceName;
        var net = client.NetworkingV1;
        var core = client.CoreV1;
        var apps = client.AppsV1;
        await ReadAsync<V1IngressList, V1Ingress>(builder, "Ingresses", (next, token) => ns is null
            ? net.ListIngressForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: token)
            : net.ListNamespacedIngressAsync(ns, continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        // Cluster-scoped, and read by no judge: an identity limited to one namespace may not list them, which costs nothing.
        await ReadAsync<V1IngressClassList, V1IngressClass>(builder, "IngressClasses", (next, token) =>
            net.ListIngressClassAsync(continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken, required: false).ConfigureAwait(false);
        await ReadAsync<V1ServiceList, V1Service>(builder, "Services", (next, token) => ns is null
            ? core.ListServiceForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: token)
            : core.ListNamespacedServiceAsync(ns, continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        await ReadAsync<V1SecretList, V1Secret>(builder, "Secrets", (next, token) => ns is null
            ? core.ListSecretForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: token)
            : core.ListNamespacedSecretAsync(ns, continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        await ReadAsync<V1ConfigMapList, V1ConfigMap>(builder, "ConfigMaps", (next, token) => ns is null
            ? core.ListConfigMapForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: token)
            : core.ListNamespacedConfigMapAsync(ns, continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        await ReadAsync<V1PodList, V1Pod>(builder, "Pods", (next, token) => ns is null
            ? core.ListPodForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: token)
            : core.ListNamespacedPodAsync(ns, continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        await ReadAsync<V1DeploymentList, V1Deployment>(builder, "Deployments", (next, token) => ns is null
            ? apps.ListDeploymentForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: token)
            : apps.ListNamespacedDeploymentAsync(ns, continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        await ReadAsync<V1DaemonSetList, V1DaemonSet>(builder, "DaemonSets", (next, token) => ns is null
            ? apps.ListDaemonSetForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: token)
            : apps.ListNamespacedDaemonSetAsync(ns, continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        await ReadAsync<V1StatefulSetList, V1StatefulSet>(builder, "StatefulSets", (next, token) => ns is null
            ? apps.ListStatefulSetForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: token)
            : apps.ListNamespacedStatefulSetAsync(ns, continueParameter: next, limit: pageSize, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        return builder.Build(ObjectSetScope.Cluster);
    }

    private static async Task ReadAsync<TList, TItem>(
        ObjectSetBuilder builder, string what,
        Func<string?, CancellationToken, Task<TList>> page, CancellationToken cancellationToken, bool required = true)
        where TList : IItems<TItem>, IMetadata<V1ListMeta>
        where TItem : IKubernetesObject<V1ObjectMeta>
    {
        string? next = null;
        try
        {
            do
            {
                var list = await page(next, cancellationToken).ConfigureAwait(false);
                foreach (var item in list.Items ?? []) builder.Add(item);
                next = list.Metadata?.ContinueProperty;
            }
            while (!string.IsNullOrEmpty(next));
        }
        catch (HttpOperationException) when (!required)
        {
        }
        catch (HttpOperationException e)
        {
            var status = e.Response?.StatusCode is { } code ? $"{(int)code} {code}" : "no status";
            var hint = e.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                ? "; grant the audit's identity list on this kind"
                : "";
            builder.AddProblem(new LoadProblem(null, $"listing {what} failed: {status}{hint}"));
        }
    }
}
