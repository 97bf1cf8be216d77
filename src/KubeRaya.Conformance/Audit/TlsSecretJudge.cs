using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// KR-CERT-08, first half: every <c>spec.tls[].secretName</c> of an Ingress resolves to a Secret of type
/// <c>kubernetes.io/tls</c> in the Ingress's namespace, holding a certificate in <c>tls.crt</c>. A Secret missing
/// from a live cluster fails; one missing from a set of manifests is skipped, since it may live elsewhere.
/// Entries without a secretName are KR-TLS-01's to fail.
/// </summary>
public sealed class TlsSecretJudge : IObjectJudge
{
    /// <summary>The Secret type for TLS certificates.</summary>
    public const string TlsSecretType = "kubernetes.io/tls";

    /// <inheritdoc />
    public string ControlId => "KR-CERT-08";

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var ingress in objects.Ingresses)
        {
            foreach (var tls in IngressFacts.Tls(ingress.Value).Where(t => !string.IsNullOrEmpty(t.SecretName)))
            {
                var host = tls.Hosts.Count > 0 ? string.Join(", ", tls.Hosts) : ingress.Reference;
                var expected = $"spec.tls[{tls.Index}].secretName {tls.SecretName} resolves to a Secret of type {TlsSecretType} in namespace {ingress.Namespace}";
                yield return Judge(objects, ingress.Namespace, tls.SecretName!, host, expected).About(ingress);
            }
        }
    }

    private Verdict Judge(ObjectSet objects, string namespaceName, string secretName, string host, string expected)
    {
        var name = $"{namespaceName}/{secretName}";
        var secret = objects.FindSecret(namespaceName, secretName);
        if (secret is null)
        {
            return objects.Scope == ObjectSetScope.Cluster
                ? Verdict.Fail(ControlId, host, expected, $"no Secret {name} exists, so the controller serves {host} with its default certificate")
                         .WithFix($"create it with kubectl create secret tls {secretName} -n {namespaceName} --cert=<chain.pem> --key=<key.pem>")
                : Verdict.Skip(ControlId, host, expected, $"skipped: Secret {name} not in the audited set; audit the manifests together with the Secret's, or audit the live cluster");
        }
        var type = string.IsNullOrEmpty(secret.Value.Type) ? "Opaque" : secret.Value.Type;
        if (type != TlsSecretType)
        {
            return Verdict.Fail(ControlId, host, expected, $"Secret {name} ({secret.Location ?? "in the cluster"}) is of type {type}")
                          .WithFix($"recreate {name} as type {TlsSecretType}, e.g. with kubectl create secret tls, holding the chain in tls.crt and the key in tls.key");
        }
        var certificate = objects.CertificateOf(secret);
        return certificate.Leaf is null
            ? Verdict.Fail(ControlId, host, expected, $"Secret {name} is of type {TlsSecretType}, but {certificate.Problem}")
                     .WithFix($"put the PEM certificate chain, leaf first, in tls.crt of {name}")
            : Verdict.Pass(ControlId, host, expected, $"Secret {name} is of type {TlsSecretType} and holds a certificate in tls.crt ({certificate.ChainLength} in the chain)");
    }
}
