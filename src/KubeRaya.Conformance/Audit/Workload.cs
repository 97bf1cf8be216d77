using k8s.Models;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Pods as they will run: a Pod itself, or the pod template of a Deployment, DaemonSet or StatefulSet,
/// with the labels Services select them by.
/// </summary>
/// <param name="Owner">The object that declares the pods.</param>
/// <param name="Labels">The pods' labels (the template's for controllers), never null.</param>
/// <param name="Spec">The pods' spec.</param>
public sealed record Workload(AuditedObject Owner, IReadOnlyDictionary<string, string> Labels, V1PodSpec Spec)
{
    /// <summary>Every container of the pods: init containers first, then the regular ones.</summary>
    public IEnumerable<V1Container> Containers =>
        (Spec.InitContainers ?? []).Concat(Spec.Containers ?? []);

    /// <summary>
    /// Whether these are the pods of a ReplicaSet (a Deployment's), DaemonSet or StatefulSet, read from a cluster
    /// next to the controller whose template declares them: judged through the template, so a finding is not
    /// repeated once per replica.
    /// </summary>
    public bool IsControllerReplica =>
        Owner is AuditedObject<V1Pod> pod
        && (pod.Value.Metadata?.OwnerReferences ?? []).Any(o => o.Controller == true && o.Kind is "ReplicaSet" or "DaemonSet" or "StatefulSet");

    /// <summary>Whether a Service selector picks these pods: a non-empty selector all of whose pairs are among the labels.</summary>
    public bool IsSelectedBy(IDictionary<string, string>? selector) =>
        selector is { Count: > 0 } && selector.All(pair => Labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
