using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Tests.Probes.Servers;

/// <summary>A self-signed leaf, like an ingress controller's built-in default certificate.</summary>
internal static class SelfSigned
{
    public static X509Certificate2 Leaf(string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        // Round-trip through PKCS#12 so the key is usable by the TLS server on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
