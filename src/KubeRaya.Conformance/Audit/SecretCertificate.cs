using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Audit;

/// <summary>What the <c>tls.crt</c> of a Secret holds: its leaf (the first certificate) or why none could be read.</summary>
/// <param name="Leaf">The leaf's evidence, or null when there is none.</param>
/// <param name="ChainLength">How many certificates the value holds, the leaf included.</param>
/// <param name="Problem">Why no leaf could be read, in words; null when <paramref name="Leaf"/> is set.</param>
public sealed record SecretCertificate(CertificateEvidence? Leaf, int ChainLength, string? Problem)
{
    /// <summary>Reads a <c>tls.crt</c> value: PEM (leaf first, as Kubernetes requires) or, failing that, one DER certificate.</summary>
    public static SecretCertificate Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) return new SecretCertificate(null, 0, "tls.crt is missing or empty");
        var text = Encoding.UTF8.GetString(content);
        var blocks = PemText.Blocks(text).Where(b => b.Label == PemText.CertificateLabel).ToList();
        try
        {
            if (blocks.Count == 0)
            {
                return text.Contains("-----BEGIN", StringComparison.Ordinal)
                    ? new SecretCertificate(null, 0, "tls.crt holds PEM, but no CERTIFICATE block")
                    : new SecretCertificate(Evidence(content), 1, null);
            }
            return new SecretCertificate(Evidence(blocks[0].Der), blocks.Count, null);
        }
        catch (CryptographicException e)
        {
            return new SecretCertificate(null, blocks.Count, $"tls.crt holds no readable X.509 certificate ({e.Message.TrimEnd('.')})");
        }
    }

    private static CertificateEvidence Evidence(byte[] der)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return CertificateEvidence.From(certificate);
    }
}
