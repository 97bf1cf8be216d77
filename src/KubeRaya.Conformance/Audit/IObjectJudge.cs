using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Judges one control over a set of Kubernetes objects: a pure function of the set, touching neither disk nor
/// network, so it serves manifests, a live cluster and deploy-mode scenarios alike.
/// </summary>
public interface IObjectJudge
{
    /// <summary>The control judged, e.g. <c>KR-TLS-01</c>.</summary>
    string ControlId { get; }

    /// <summary>One verdict per object (or host) the control applies to, each naming its object and location.</summary>
    IEnumerable<Verdict> Judge(ObjectSet objects);
}
