using k8s.Models;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// Where the data plane reports what it made and observed, for the API server to store and serve (the API server's
/// object store implements it). Calls come from the data plane's reconcile loop only, one at a time, and only when
/// something changed. Implementations must not block on the data plane (e.g. by waiting for convergence).
/// </summary>
public interface IClusterStateSink
{
    /// <summary>Creates or replaces a Pod (metadata, spec from the template, status with podIP, phase and conditions).</summary>
    Task UpsertPodAsync(V1Pod pod, CancellationToken cancellationToken);

    /// <summary>Deletes a Pod that no longer exists.</summary>
    Task DeletePodAsync(string namespaceName, string name, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the Endpoints of a Service (same namespace and name).</summary>
    Task UpsertEndpointsAsync(V1Endpoints endpoints, CancellationToken cancellationToken);

    /// <summary>Deletes the Endpoints of a Service that no longer exists.</summary>
    Task DeleteEndpointsAsync(string namespaceName, string name, CancellationToken cancellationToken);

    /// <summary>Replaces the status of a Deployment (replicas, readyReplicas, availableReplicas, conditions).</summary>
    Task UpdateDeploymentStatusAsync(string namespaceName, string name, V1DeploymentStatus status, CancellationToken cancellationToken);

    /// <summary>Replaces the status of an Ingress (status.loadBalancer.ingress[0].ip = the ingress address).</summary>
    Task UpdateIngressStatusAsync(string namespaceName, string name, V1IngressStatus status, CancellationToken cancellationToken);
}
