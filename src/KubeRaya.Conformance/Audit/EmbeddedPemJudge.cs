using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// KR-CERT-08, second half: no PEM private key or certificate is embedded in a ConfigMap, an annotation or a
/// container's environment value, where it escapes the access rules of Secrets.
/// </summary>
/// <remarks>
/// CA certificates (basicConstraints CA:TRUE) are exempt: they are public trust anchors, and distributing them in
/// ConfigMaps is ordinary practice (every namespace holds <c>kube-root-ca.crt</c>). Private keys of any format and
/// every other certificate, unreadable ones included, count. The <c>kubectl.kubernetes.io/last-applied-configuration</c>
/// annotation is not read: it copies the object's own fields, which are judged where they stand.
/// </remarks>
public sealed class EmbeddedPemJudge : IObjectJudge
{
    private const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <inheritdoc />
    public string ControlId => "KR-CERT-08";

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var failures = new List<Verdict>();
        foreach (var configMap in objects.ConfigMaps)
        {
            var values = (configMap.Value.Data ?? new Dictionary<string, string>())
                .Concat((configMap.Value.BinaryData ?? new Dictionary<string, byte[]>()).Select(b => KeyValuePair.Create(b.Key, Encoding.UTF8.GetString(b.Value ?? []))));
            foreach (var (key, value) in values)
            {
                Check(failures, configMap, $"key {key}", value,
                    "move it into a Secret (type kubernetes.io/tls for a serving certificate and its key) and mount or reference that Secret instead");
            }
        }
        foreach (var subject in objects.All)
        {
            foreach (var (key, value) in subject.Annotations.Where(a => a.Key != LastAppliedAnnotation))
            {
                Check(failures, subject, $"annotation {key}", value,
                    "remove it from the annotation; keep it in a kubernetes.io/tls Secret and refer to that Secret by name");
            }
        }
        var containers = 0;
        foreach (var workload in objects.Workloads.Where(w => !w.IsControllerReplica))
        {
            foreach (var container in workload.Containers)
            {
                containers++;
                foreach (var variable in container.Env ?? [])
                {
                    Check(failures, workload.Owner, $"container {container.Name} env {variable.Name}", variable.Value,
                        "read it from a Secret with valueFrom.secretKeyRef, or mount the Secret as a volume");
                }
            }
        }
        if (failures.Count > 0) return failures;
        var count = objects.All.Count();
        if (count == 0) return [];
        return
        [
            Verdict.Pass(ControlId, "(all objects)", Expected,
                $"no PEM private key or non-CA certificate in the values of {objects.ConfigMaps.Count} ConfigMaps, the annotations of {count} objects, or the env values of {containers} containers"),
        ];
    }

    private const string Expected = "no PEM private key or certificate (other than CA certificates) in a ConfigMap, an annotation or an env value";

    private void Check(List<Verdict> failures, AuditedObject subject, string place, string? value, string fix)
    {
        if (!PemText.MayContainPem(value)) return;
        var embedded = PemText.Blocks(value!).Select(Describe).Where(d => d is not null).ToList();
        if (embedded.Count == 0) return;
        failures.Add(Verdict.Fail(ControlId, subject.Reference, Expected, $"{place} of {subject.Reference} holds {AuditVerdicts.Join(embedded!)}")
                            .WithFix(fix)
                            .About(subject));
    }

    /// <summary>What an offending block is, in words; null for blocks that may stay (CA certificates, public keys, ...).</summary>
    private static string? Describe(PemText.Block block)
    {
        if (block.IsPrivateKey) return $"a PEM private key (BEGIN {block.Label})";
        if (!block.IsCertificate) return null;
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(block.Der);
            var isCa = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault()?.CertificateAuthority ?? false;
            return isCa ? null : $"a PEM certificate for {certificate.Subject}";
        }
        catch (CryptographicException)
        {
            return $"a PEM {block.Label} block that is not a readable certificate";
        }
    }
}
