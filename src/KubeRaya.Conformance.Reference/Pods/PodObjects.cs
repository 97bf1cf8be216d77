using System.Net;
using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>
/// Builds the Kubernetes objects that describe pods as the kubelet and the Deployment controller would report
/// them. Only stable values are used (no "now" timestamps), so an unchanged pod yields an identical object and
/// nothing is re-reported.
/// </summary>
public static class PodObjects
{
    /// <summary>The node name every reference pod runs on.</summary>
    public const string NodeName = "kuberaya-reference-node";

    /// <summary>The Pod object of <paramref name="pod"/>, made from <paramref name="deployment"/>'s template.</summary>
    public static V1Pod Pod(PodState pod, V1Deployment deployment, IPAddress nodeAddress)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(nodeAddress);
        var template = deployment.Spec?.Template;
        var spec = template?.Spec is null ? new V1PodSpec { Containers = [] } : KubernetesJson.Deserialize<V1PodSpec>(KubernetesJson.Serialize(template.Spec));
        spec.NodeName = pod.Phase == PodPhase.Pending && pod.Address is null ? null : NodeName;
        if (pod.HostNetwork)
        {
            spec.HostNetwork = true;
            foreach (var port in (spec.Containers ?? []).SelectMany(c => c.Ports ?? [])) port.HostPort = port.ContainerPort;
        }

        var scheduled = pod.Address is not null;
        var started = pod.Created.UtcDateTime;
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = pod.Name,
                NamespaceProperty = pod.Namespace,
                Labels = new Dictionary<string, string>(pod.Labels),
                Annotations = template?.Metadata?.Annotations is null ? null : new Dictionary<string, string>(template.Metadata.Annotations),
                CreationTimestamp = started,
            },
            Spec = spec,
            Status = new V1PodStatus
            {
                Phase = pod.Phase.ToString(),
                Message = pod.Message,
                HostIP = scheduled ? nodeAddress.ToString() : null,
                PodIP = pod.Address?.ToString(),
                PodIPs = pod.Address is null ? null : [new V1PodIP { Ip = pod.Address.ToString() }],
                StartTime = scheduled ? started : null,
                Conditions =
                [
                    Condition("PodScheduled", scheduled, scheduled ? null : "Unschedulable", pod.Message),
                    Condition("Initialized", scheduled),
                    Condition("ContainersReady", pod.Ready),
                    Condition("Ready", pod.Ready),
                ],
                ContainerStatuses = scheduled
                    ? [.. (spec.Containers ?? []).Select(c => ContainerStatus(c, pod, started))]
                    : null,
            },
        };
    }

    /// <summary>The status of <paramref name="deployment"/> given its current pods.</summary>
    public static V1DeploymentStatus DeploymentStatus(V1Deployment deployment, IReadOnlyList<PodState> pods)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(pods);
        var desired = Math.Max(0, deployment.Spec?.Replicas ?? 1);
        var hash = PodTemplate.Hash(deployment.Spec?.Template);
        var ready = pods.Count(p => p.Ready);
        var updated = pods.Count(p => p.TemplateHash == hash);
        var complete = updated == desired && pods.Count == desired && ready == desired;
        return new V1DeploymentStatus
        {
            ObservedGeneration = deployment.Metadata.Generation,
            Replicas = pods.Count,
            UpdatedReplicas = updated,
            ReadyReplicas = ready,
            AvailableReplicas = ready,
            UnavailableReplicas = desired > ready ? desired - ready : null,
            Conditions =
            [
                new V1DeploymentCondition
                {
                    Type = "Available",
                    Status = ready >= desired ? "True" : "False",
                    Reason = ready >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    Message = ready >= desired ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                },
                new V1DeploymentCondition
                {
                    Type = "Progressing",
                    Status = "True",
                    Reason = complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    Message = complete ? "The pods of the current template are available." : "The pods of the current template are progressing.",
                },
            ],
        };
    }

    private static V1PodCondition Condition(string type, bool status, string? reason = null, string? message = null) =>
        new() { Type = type, Status = status ? "True" : "False", Reason = status ? null : reason, Message = status ? null : message };

    private static V1ContainerStatus ContainerStatus(V1Container container, PodState pod, DateTime started) => new()
    {
        Name = container.Name,
        Image = container.Image,
        ImageID = string.Empty,
        Ready = pod.Ready,
        Started = pod.Phase == PodPhase.Running,
        RestartCount = 0,
        State = pod.Phase == PodPhase.Failed
            ? new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, Reason = "Error", Message = pod.Message } }
            : new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = started } },
    };
}
