using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Evidence;

/// <summary>The facts of one certificate that judges and auditors need. Never holds a private key.</summary>
public sealed record CertificateEvidence
{
    /// <summary>Subject distinguished name.</summary>
    public required string Subject { get; init; }
    /// <summary>Issuer distinguished name.</summary>
    public required string Issuer { get; init; }
    /// <summary>Serial number, hex.</summary>
    public required string SerialNumber { get; init; }
    /// <summary>Start of validity.</summary>
    public required DateTimeOffset NotBefore { get; init; }
    /// <summary>End of validity.</summary>
    public required DateTimeOffset NotAfter { get; init; }
    /// <summary>DNS names of the subjectAltName extension, as written.</summary>
    public IReadOnlyList<string> DnsNames { get; init; } = [];
    /// <summary>IP addresses of the subjectAltName extension.</summary>
    public IReadOnlyList<string> IpAddresses { get; init; } = [];
    /// <summary>"RSA", "EC", "DSA" or the key's OID.</summary>
    public required string KeyAlgorithm { get; init; }
    /// <summary>Key size in bits.</summary>
    public required int KeySize { get; init; }
    /// <summary>EC curve name (e.g. nistP256), for EC keys.</summary>
    public string? Curve { get; init; }
    /// <summary>Signature algorithm OID.</summary>
    public required string SignatureAlgorithmOid { get; init; }
    /// <summary>Signature algorithm friendly name, e.g. sha256RSA.</summary>
    public required string SignatureAlgorithm { get; init; }
    /// <summary>Basic constraints CA flag; false when the extension is absent.</summary>
    public required bool IsCertificateAuthority { get; init; }
    /// <summary>Extended key usage OIDs; null when the certificate has no EKU extension.</summary>
    public IReadOnlyList<string>? ExtendedKeyUsages { get; init; }
    /// <summary>Upper-case hex SHA-256 of the DER encoding.</summary>
    public required string Sha256Fingerprint { get; init; }
    /// <summary>The DER encoding, base64.</summary>
    public required string DerBase64 { get; init; }

    /// <summary>The OID of the serverAuth extended key usage.</summary>
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>Reads the evidence out of a certificate.</summary>
    public static CertificateEvidence From(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var dns = new List<string>();
        var ips = new List<string>();
        foreach (var ext in certificate.Extensions)
        {
            if (ext is X509SubjectAlternativeNameExtension san)
            {
                dns.AddRange(san.EnumerateDnsNames());
                ips.AddRange(san.EnumerateIPAddresses().Select(ip => ip.ToString()));
            }
        }

        var basic = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        var eku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        var (algorithm, size, curve) = DescribeKey(certificate);
        return new CertificateEvidence
        {
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            SerialNumber = certificate.SerialNumber,
            NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            DnsNames = dns,
            IpAddresses = ips,
            KeyAlgorithm = algorithm,
            KeySize = size,
            Curve = curve,
            SignatureAlgorithmOid = certificate.SignatureAlgorithm.Value ?? "",
            SignatureAlgorithm = certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value ?? "",
            IsCertificateAuthority = basic?.CertificateAuthority ?? false,
            ExtendedKeyUsages = eku?.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value ?? "").ToList(),
            Sha256Fingerprint = Convert.ToHexString(SHA256.HashData(certificate.RawData)),
            DerBase64 = Convert.ToBase64String(certificate.RawData),
        };
    }

    private static (string Algorithm, int Size, string? Curve) DescribeKey(X509Certificate2 certificate)
    {
        using (var rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is not null) return ("RSA", rsa.KeySize, null);
        }
        using (var ec = certificate.GetECDsaPublicKey())
        {
            if (ec is not null)
            {
                var curve = ec.ExportParameters(false).Curve;
                return ("EC", ec.KeySize, curve.Oid.FriendlyName ?? curve.Oid.Value);
            }
        }
        var oid = certificate.PublicKey.Oid;
        return (oid.FriendlyName ?? oid.Value ?? "unknown", 0, null);
    }
}
