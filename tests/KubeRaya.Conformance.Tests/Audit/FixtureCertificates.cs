using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>
/// Self-signed certificates for audit fixtures, made in memory on every run. The audit reads certificates and
/// never validates chains, so a self-signed leaf of the right shape is all a fixture needs.
/// </summary>
public static class FixtureCertificates
{
    /// <summary>A certificate and its private key, both PEM.</summary>
    public sealed record Issued(string CertificatePem, string PrivateKeyPem);

    /// <summary>A serverAuth leaf naming the hosts: <c>valid</c> (89 days left), <c>expired</c> (10 days ago),
    /// <c>expiring</c> (10 days left) or <c>rsa1024</c> (valid, RSA 1024).</summary>
    public static Issued Leaf(string profile, IReadOnlyList<string> hosts, DateTimeOffset now)
    {
        var (notBefore, notAfter) = profile switch
        {
            "valid" or "rsa1024" => (now.AddDays(-1), now.AddDays(89)),
            "expired" => (now.AddDays(-100), now.AddDays(-10)),
            "expiring" => (now.AddDays(-80), now.AddDays(10)),
            _ => throw new ArgumentException($"unknown certificate profile {profile}", nameof(profile)),
        };
        using AsymmetricAlgorithm key = profile == "rsa1024" ? RSA.Create(1024) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA rsa
            ? new CertificateRequest($"CN={hosts[0]}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest($"CN={hosts[0]}", (ECDsa)key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts) names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return new Issued(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A self-signed CA certificate (basicConstraints CA:TRUE).</summary>
    public static string AuthorityPem(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=KubeRaya audit fixture CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(365));
        return certificate.ExportCertificatePem();
    }
}
