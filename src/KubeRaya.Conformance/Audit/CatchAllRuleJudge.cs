using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// KR-HOST-04, statically: no Ingress rule without a host or with a wildcard host, and no <c>spec.defaultBackend</c>
/// (which sends every request no rule matches to an application). One verdict per offending rule or default
/// backend; one passing verdict for an Ingress with none.
/// </summary>
public sealed class CatchAllRuleJudge : IObjectJudge
{
    private const string Expected = "every rule names one exact host, and spec.defaultBackend is unset";

    /// <inheritdoc />
    public string ControlId => "KR-HOST-04";

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var ingress in objects.Ingresses)
        {
            var found = false;
            if (ingress.Value.Spec?.DefaultBackend is { } fallback)
            {
                found = true;
                var target = fallback.Service is { } service ? $"Service {ingress.Namespace}/{service.Name}"
                    : fallback.Resource is { } resource ? $"{resource.Kind} {ingress.Namespace}/{resource.Name}"
                    : "a backend";
                yield return Verdict.Fail(ControlId, ingress.Reference, Expected, $"spec.defaultBackend sends every request that matches no rule, for any host, to {target}")
                                    .WithFix($"remove spec.defaultBackend from {ingress.Reference}; requests matching no rule then get the controller's 404")
                                    .About(ingress);
            }
            var rules = IngressFacts.Rules(ingress.Value);
            for (var index = 0; index < rules.Count; index++)
            {
                var host = rules[index].Host;
                if (string.IsNullOrEmpty(host))
                {
                    found = true;
                    yield return Verdict.Fail(ControlId, ingress.Reference, Expected, $"spec.rules[{index}] has no host, so it matches every host name sent to the ingress")
                                        .WithFix($"set spec.rules[{index}].host to the application's public host name")
                                        .About(ingress);
                }
                else if (host.Contains('*', StringComparison.Ordinal))
                {
                    found = true;
                    yield return Verdict.Fail(ControlId, host, Expected, $"spec.rules[{index}].host is the wildcard {host}, which matches every name under it")
                                        .WithFix($"replace {host} with one rule per public host name")
                                        .About(ingress);
                }
            }
            if (!found)
            {
                var hosts = IngressFacts.Hosts(ingress.Value);
                yield return Verdict.Pass(ControlId, ingress.Reference, Expected,
                    hosts.Count == 0 ? "no rules and no default backend" : $"every rule names an exact host ({string.Join(", ", hosts)}); no default backend").About(ingress);
            }
        }
    }
}
