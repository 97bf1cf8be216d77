using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// A certificate control judged on the leaf of every TLS Secret an Ingress names: KR-CERT-03 (validity window),
/// KR-CERT-04 (renewal headroom) and KR-CERT-05 (keys, signature, leaf profile), each by its judge in
/// <see cref="Judges"/>. One verdict per Secret, on the Secret, however many Ingresses name it.
/// </summary>
public sealed class CertificateLeafJudge : IObjectJudge
{
    private readonly Func<string, CertificateEvidence?, Verdict> judge;
    private readonly string fix;

    private CertificateLeafJudge(string controlId, Func<string, CertificateEvidence?, Verdict> judge, string fix)
    {
        ControlId = controlId;
        this.judge = judge;
        this.fix = fix;
    }

    /// <summary>KR-CERT-03 at the given time.</summary>
    public static CertificateLeafJudge ValidityWindow(DateTimeOffset now) =>
        new(ValidityWindowJudge.ControlId, (host, leaf) => ValidityWindowJudge.Judge(host, leaf, now),
            "replace the certificate with one valid now (and renew it automatically, e.g. with cert-manager)");

    /// <summary>KR-CERT-04 at the given time with the given window.</summary>
    public static CertificateLeafJudge RenewalHeadroom(DateTimeOffset now, int windowDays) =>
        new(RenewalHeadroomJudge.ControlId, (host, leaf) => RenewalHeadroomJudge.Judge(host, leaf, now, windowDays),
            $"renew the certificate now, and renew automatically more than {windowDays} days before notAfter");

    /// <summary>KR-CERT-05.</summary>
    public static CertificateLeafJudge KeyStrength() =>
        new(KeyStrengthJudge.ControlId, KeyStrengthJudge.Judge,
            "reissue the certificate with an RSA key of at least 2048 bits or an EC key on P-256 or larger, signed with SHA-256 or better, as a non-CA leaf valid for at most 398 days");

    /// <inheritdoc />
    public string ControlId { get; }

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var uses in objects.TlsReferences.GroupBy(r => r.SecretName, StringComparer.Ordinal))
        {
            var reference = uses.First();
            var hosts = uses.SelectMany(u => u.Entry.Hosts).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var host = hosts.Count > 0 ? string.Join(", ", hosts) : reference.Ingress.Reference;
            var usedBy = AuditVerdicts.Join(uses.Select(u => u.UsedBy));
            // A judge asked about no certificate states what it expects without deciding anything.
            if (TlsSecretReferences.Unjudgeable(objects, reference, ControlId, host, () => judge(host, null).Expected) is { } unjudgeable)
            {
                yield return unjudgeable;
                continue;
            }
            var verdict = judge(host, objects.CertificateOf(reference.Secret!).Leaf);
            yield return (verdict with { Observed = $"Secret {reference.SecretName}, used by {usedBy}: {verdict.Observed}" })
                .WithFix($"{fix}; store it in {reference.SecretName}")
                .About(reference.Secret!);
        }
    }
}
