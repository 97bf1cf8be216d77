using System.Globalization;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// KR-PRIV-03, statically: application pods, and the pod templates of Deployments, DaemonSets and StatefulSets,
/// use neither <c>hostNetwork</c> nor a <c>hostPort</c>. One verdict per workload. Workloads in the platform's own
/// namespaces (<see cref="AuditOptions.SystemNamespaces"/>) are not applications and are not judged; nor are the
/// replicas of a controller, which are judged through its template.
/// </summary>
public sealed class HostNetworkJudge : IObjectJudge
{
    private const string Expected = "the pods use neither hostNetwork nor hostPort";

    private readonly IReadOnlySet<string> systemNamespaces;

    /// <summary>A judge that leaves the given namespaces alone.</summary>
    public HostNetworkJudge(IReadOnlySet<string> systemNamespaces)
    {
        ArgumentNullException.ThrowIfNull(systemNamespaces);
        this.systemNamespaces = systemNamespaces;
    }

    /// <inheritdoc />
    public string ControlId => "KR-PRIV-03";

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var workload in objects.Workloads.Where(w => !w.IsControllerReplica && !systemNamespaces.Contains(w.Owner.Namespace)))
        {
            var findings = new List<string>();
            if (workload.Spec.HostNetwork == true) findings.Add("hostNetwork: true");
            findings.AddRange(workload.Containers.SelectMany(c => (c.Ports ?? [])
                .Where(p => p.HostPort is > 0)
                .Select(p => $"container {c.Name} port {p.ContainerPort.ToString(CultureInfo.InvariantCulture)} hostPort {p.HostPort!.Value.ToString(CultureInfo.InvariantCulture)}")));
            var subject = workload.Owner;
            yield return (findings.Count == 0
                ? Verdict.Pass(ControlId, subject.Reference, Expected, "no hostNetwork and no hostPort")
                : Verdict.Fail(ControlId, subject.Reference, Expected, $"{subject.Reference} declares {AuditVerdicts.Join(findings)}, which puts the application on the node's own addresses")
                         .WithFix("remove hostNetwork and hostPort; expose the application through a ClusterIP Service and the Ingress"))
                .About(subject);
        }
    }
}
