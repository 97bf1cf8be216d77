using k8s.Models;
using KubeRaya.Conformance.Reference.Api;
using KubeRaya.Conformance.Reference.Controller;

namespace KubeRaya.Conformance.Reference;

/// <summary>Writes what the data plane made (Pods, Endpoints, statuses) into the API server's store.</summary>
internal sealed class StoreStateSink(ObjectStore store) : IClusterStateSink
{
    public Task UpsertPodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        if (store.Get<V1Namespace>(null, pod.Metadata.NamespaceProperty) is not null) store.Upsert(pod);
        return Task.CompletedTask;
    }

    public Task DeletePodAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        store.Delete<V1Pod>(namespaceName, name);
        return Task.CompletedTask;
    }

    public Task UpsertEndpointsAsync(V1Endpoints endpoints, CancellationToken cancellationToken)
    {
        if (store.Get<V1Namespace>(null, endpoints.Metadata.NamespaceProperty) is not null) store.Upsert(endpoints);
        return Task.CompletedTask;
    }

    public Task DeleteEndpointsAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        store.Delete<V1Endpoints>(namespaceName, name);
        return Task.CompletedTask;
    }

    public Task UpdateDeploymentStatusAsync(string namespaceName, string name, V1DeploymentStatus status, CancellationToken cancellationToken)
    {
        var deployment = store.Get<V1Deployment>(namespaceName, name);
        if (deployment is not null)
        {
            deployment.Status = status;
            store.UpdateStatus(deployment);
        }
        return Task.CompletedTask;
    }

    public Task UpdateIngressStatusAsync(string namespaceName, string name, V1IngressStatus status, CancellationToken cancellationToken)
    {
        var ingress = store.Get<V1Ingress>(namespaceName, name);
        if (ingress is not null)
        {
            ingress.Status = status;
            store.UpdateStatus(ingress);
        }
        return Task.CompletedTask;
    }
}
