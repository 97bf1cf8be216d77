using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// KR-TLS-01, statically: every host an Ingress routes is listed in one of its <c>spec.tls</c> entries, and that
/// entry names a Secret. Rules without a host are left to KR-HOST-04, which fails them.
/// </summary>
public sealed class TlsCoverageJudge : IObjectJudge
{
    /// <inheritdoc />
    public string ControlId => "KR-TLS-01";

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var ingress in objects.Ingresses)
        {
            var tls = IngressFacts.Tls(ingress.Value).ToList();
            foreach (var host in IngressFacts.Hosts(ingress.Value))
            {
                var expected = $"{host} is listed in a spec.tls entry of {ingress.Reference} that names a Secret";
                var listing = tls.Where(t => t.Hosts.Contains(host, StringComparer.OrdinalIgnoreCase)).ToList();
                var named = listing.FirstOrDefault(t => !string.IsNullOrEmpty(t.SecretName));
                var verdict = named.SecretName is not null
                    ? Verdict.Pass(ControlId, host, expected, $"{host} is listed in spec.tls[{named.Index}] with secretName {named.SecretName}")
                    : listing.Count > 0
                        ? Verdict.Fail(ControlId, host, expected, $"{host} is listed in spec.tls[{listing[0].Index}], which names no Secret, so the controller serves it with its default certificate")
                                 .WithFix($"set spec.tls[{listing[0].Index}].secretName to a kubernetes.io/tls Secret holding a certificate for {host}")
                        : Verdict.Fail(ControlId, host, expected, $"{host} is in no spec.tls entry, so it is served over plain HTTP only")
                                 .WithFix($"add {host} to spec.tls[].hosts of {ingress.Reference}, with a secretName naming a kubernetes.io/tls Secret that holds its certificate");
                yield return verdict.About(ingress);
            }
        }
    }
}
