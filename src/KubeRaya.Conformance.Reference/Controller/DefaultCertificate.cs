using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// The controller's self-signed default certificate, made at start like ingress-nginx's "Kubernetes Ingress Controller
/// Fake Certificate": RSA 2048 (as upstream's, which also lets static-RSA suites negotiate under the weak-ciphers
/// fault), one DNS name "ingress.local" that names no tenant, one year of validity. Served to unknown or absent SNI.
/// </summary>
public static class DefaultCertificate
{
    /// <summary>The subject common name.</summary>
    public const string CommonName = "KubeRaya Reference Ingress Controller Fake Certificate";

    /// <summary>Creates a fresh one; returns the certificate PEM and the PKCS#8 key PEM (to be written 0600 and deleted).</summary>
    public static (string CertificatePem, string KeyPem) Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={CommonName}, O=KubeRaya reference platform", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("ingress.local");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(365));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
