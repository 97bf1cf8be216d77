using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// KR-CERT-01, statically: the certificate in each TLS Secret an Ingress names covers every host of its
/// <c>spec.tls</c> entry, judged by <see cref="CertificateNamesHostJudge"/> (RFC 6125, CN ignored). One verdict per
/// Secret and host, on the Secret. Wildcard hosts are KR-HOST-04's to fail; no certificate is matched against them.
/// </summary>
public sealed class CertificateHostJudge : IObjectJudge
{
    /// <inheritdoc />
    public string ControlId => CertificateNamesHostJudge.ControlId;

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var judged = new HashSet<(string Secret, string Host)>();
        foreach (var reference in objects.TlsReferences)
        {
            foreach (var host in reference.Entry.Hosts.Where(h => judged.Add((reference.SecretName, h.ToLowerInvariant()))))
            {
                var expected = $"the certificate in Secret {reference.SecretName} has a DNS subjectAltName naming {host}";
                if (TlsSecretReferences.Unjudgeable(objects, reference, ControlId, host, () => expected) is { } unjudgeable)
                {
                    yield return unjudgeable;
                    continue;
                }
                var secret = reference.Secret!;
                if (host.Contains('*', StringComparison.Ordinal))
                {
                    yield return Verdict.Skip(ControlId, host, expected, $"skipped: {host} in {reference.UsedBy} is a wildcard, which KR-HOST-04 fails; a certificate is matched against names, not patterns").About(secret);
                    continue;
                }
                var verdict = CertificateNamesHostJudge.Judge(host, objects.CertificateOf(secret).Leaf);
                yield return (verdict with { Expected = expected, Observed = $"Secret {reference.SecretName}, used by {reference.UsedBy}: {verdict.Observed}" })
                    .WithFix($"reissue the certificate in {reference.SecretName} with {host} as a DNS subjectAltName, or list in {reference.UsedBy} only the hosts it names")
                    .About(secret);
            }
        }
    }
}
