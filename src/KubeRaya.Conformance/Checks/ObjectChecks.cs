using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Checks;

/// <summary>
/// The D-mode controls decided on Kubernetes objects (KR-CERT-08, KR-HOST-04, KR-HOST-05, KR-PRIV-01, KR-PRIV-03, and
/// the static half of KR-TLS-01: every host an Ingress routes is in a tls entry, which no probe of the known hosts sees):
/// the objects are read back from the cluster after a deploy and judged by the same object judges as the audit
/// target. Verdicts about the scenario's namespace or hosts are kept; other tenants' objects are only context
/// (e.g. a second Ingress elsewhere claiming one of the app's hosts).
/// </summary>
public sealed class ObjectChecks(ClusterRun cluster, EvidenceFiles files, int renewalWindowDays)
{
    /// <summary>Reads every object of the kinds audited, cluster-wide, and judges them; returns the verdicts about the app.</summary>
    public async Task<IReadOnlyList<Verdict>> ReadBackAsync(ScenarioApp app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var objects = await new LiveObjectReader(cluster.Connection.Client).ReadAsync(null, cancellationToken).ConfigureAwait(false);
        var verdicts = new AuditRunner(new AuditOptions { RenewalWindowDays = renewalWindowDays }).Judge(objects);
        var ns = app.App.Spec.Namespace;
        var hosts = app.App.Spec.Hosts.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var aboutApp = verdicts.Where(v => (v.Object is not null && v.Object.Contains("/" + ns + "/", StringComparison.Ordinal))
                                           || hosts.Contains(v.Host)
                                           || (v.Outcome != Outcome.Passed && hosts.Any(h => v.Observed.Contains(h, StringComparison.OrdinalIgnoreCase)))).ToList();
        var path = files.Write(app.Host, "objects", aboutApp);
        return aboutApp.Select(v => v with { Evidence = path }).ToList();
    }

    /// <summary>The verdicts of one control, or an undecided verdict when the objects gave it nothing to judge.</summary>
    public static IReadOnlyList<Verdict> For(string control, IReadOnlyList<Verdict> verdicts, string host)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var mine = verdicts.Where(v => v.Control == control).ToList();
        return mine.Count > 0
            ? mine
            : [Verdict.Undecided(control, host, ControlCatalogue.Get(control).Decision, "the objects read back from the cluster gave this control nothing to judge about the app")];
    }
}
