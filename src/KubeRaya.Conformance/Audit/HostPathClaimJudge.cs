using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// KR-HOST-05, statically: no two Ingresses, in any namespaces, claim the same host and path. Claims are indexed by
/// host and path in one pass, so the judge is linear in the number of paths. A rule without a host claims
/// "(any host)"; an empty path is "/"; the path type and ingress class are not part of the claim, since either
/// way two Ingresses compete for the same requests.
/// </summary>
public sealed class HostPathClaimJudge : IObjectJudge
{
    /// <inheritdoc />
    public string ControlId => "KR-HOST-05";

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var claims = new Dictionary<(string Host, string Path), List<AuditedObject>>();
        foreach (var ingress in objects.Ingresses)
        {
            foreach (var route in IngressFacts.Routes(ingress.Value))
            {
                var key = (route.Host.ToLowerInvariant(), route.Path);
                if (!claims.TryGetValue(key, out var claimants)) claims[key] = claimants = [];
                if (!claimants.Contains(ingress)) claimants.Add(ingress);
            }
        }

        var contested = new HashSet<(AuditedObject Ingress, string Host)>();
        foreach (var ((host, path), claimants) in claims.Where(c => c.Value.Count > 1))
        {
            var shown = IngressFacts.Describe(host);
            var second = claimants[1];
            foreach (var claimant in claimants) contested.Add((claimant, host));
            yield return Verdict.Fail(ControlId, shown, $"only one Ingress claims host {shown} path {path}",
                    $"host {shown} path {path} is claimed by {claimants.Count} Ingresses: {AuditVerdicts.Join(claimants.Select(c => c.ToString()))}")
                .WithFix($"keep the claim in the Ingress that owns {shown}{path} and remove it from the others")
                .About(second);
        }

        foreach (var ingress in objects.Ingresses)
        {
            foreach (var byHost in IngressFacts.Routes(ingress.Value).GroupBy(r => r.Host.ToLowerInvariant()).Where(g => !contested.Contains((ingress, g.Key))))
            {
                var shown = IngressFacts.Describe(byHost.Key);
                var paths = byHost.Select(r => r.Path).Distinct().ToList();
                yield return Verdict.Pass(ControlId, shown, $"only {ingress.Reference} claims host {shown} at its paths",
                    $"no other Ingress claims host {shown} at {string.Join(", ", paths)}").About(ingress);
            }
        }
    }
}
