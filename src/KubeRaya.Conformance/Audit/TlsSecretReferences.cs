using k8s.Models;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>The Secrets Ingresses name in <c>spec.tls</c>, resolved in the set, for the judges of certificate content.</summary>
internal static class TlsSecretReferences
{
    /// <summary>One <c>spec.tls</c> entry that names a Secret, and that Secret if the set holds it.</summary>
    public sealed record Reference(AuditedObject<V1Ingress> Ingress, IngressFacts.TlsEntry Entry, AuditedObject<V1Secret>? Secret)
    {
        /// <summary><c>namespace/name</c> of the Secret.</summary>
        public string SecretName { get; } = $"{Ingress.Namespace}/{Entry.SecretName}";

        /// <summary>Where it is used, e.g. "Ingress/shop/web spec.tls[0]".</summary>
        public string UsedBy { get; } = $"{Ingress.Reference} spec.tls[{Entry.Index}]";
    }

    /// <summary>Every entry naming a Secret, Ingress by Ingress.</summary>
    public static IEnumerable<Reference> Of(ObjectSet objects) =>
        objects.Ingresses.SelectMany(ingress => IngressFacts.Tls(ingress.Value)
            .Where(t => !string.IsNullOrEmpty(t.SecretName))
            .Select(t => new Reference(ingress, t, objects.FindSecret(ingress.Namespace, t.SecretName!))));

    /// <summary>
    /// The verdict when the certificate cannot be judged: the Secret is missing (skipped for manifests, which may not
    /// hold it; undecided on a cluster) or holds no readable certificate (undecided). Null when there is a leaf.
    /// KR-CERT-08 is the control that fails these cases; certificate controls only refuse to pass them.
    /// </summary>
    public static Verdict? Unjudgeable(ObjectSet objects, Reference reference, string controlId, string host, Func<string> expectation)
    {
        if (reference.Secret is not null && objects.CertificateOf(reference.Secret).Leaf is not null) return null;
        var expected = expectation();
        if (reference.Secret is null)
        {
            var verdict = objects.Scope == ObjectSetScope.Cluster
                ? Verdict.Undecided(controlId, host, expected, $"Secret {reference.SecretName}, named by {reference.UsedBy}, does not exist (KR-CERT-08 fails it)")
                         .WithFix($"create the kubernetes.io/tls Secret {reference.SecretName}")
                : Verdict.Skip(controlId, host, expected, $"skipped: Secret {reference.SecretName}, named by {reference.UsedBy}, not in the audited set");
            return verdict.About(reference.Ingress);
        }
        var certificate = objects.CertificateOf(reference.Secret);
        return certificate.Leaf is not null
            ? null
            : Verdict.Undecided(controlId, host, expected, $"Secret {reference.SecretName}: {certificate.Problem} (KR-CERT-08 fails it)")
                     .WithFix($"put the PEM certificate chain, leaf first, in tls.crt of {reference.SecretName}")
                     .About(reference.Secret);
    }
}
