using System.Collections.Concurrent;
using k8s.Models;
using KubeRaya.Conformance.Reference.Controller;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>Stands in for the API server's store: keeps the last object reported for each key.</summary>
internal sealed class RecordingSink : IClusterStateSink
{
    public ConcurrentDictionary<string, V1Pod> Pods { get; } = new();

    public ConcurrentDictionary<string, V1Endpoints> Endpoints { get; } = new();

    public ConcurrentDictionary<string, V1DeploymentStatus> Deployments { get; } = new();

    public ConcurrentDictionary<string, V1IngressStatus> Ingresses { get; } = new();

    public Task UpsertPodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        Pods[Key(pod.Metadata.NamespaceProperty, pod.Metadata.Name)] = pod;
        return Task.CompletedTask;
    }

    public Task DeletePodAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        Pods.TryRemove(Key(namespaceName, name), out _);
        return Task.CompletedTask;
    }

    public Task UpsertEndpointsAsync(V1Endpoints endpoints, CancellationToken cancellationToken)
    {
        Endpoints[Key(endpoints.Metadata.NamespaceProperty, endpoints.Metadata.Name)] = endpoints;
        return Task.CompletedTask;
    }

    public Task DeleteEndpointsAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        Endpoints.TryRemove(Key(namespaceName, name), out _);
        return Task.CompletedTask;
    }

    public Task UpdateDeploymentStatusAsync(string namespaceName, string name, V1DeploymentStatus status, CancellationToken cancellationToken)
    {
        Deployments[Key(namespaceName, name)] = status;
        return Task.CompletedTask;
    }

    public Task UpdateIngressStatusAsync(string namespaceName, string name, V1IngressStatus status, CancellationToken cancellationToken)
    {
        Ingresses[Key(namespaceName, name)] = status;
        return Task.CompletedTask;
    }

    public static string Key(string ns, string name) => ns + "/" + name;
}
