using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// A leaf for a host under 49 intermediates (EC P-256, fast to make), all sent in the handshake: 50 certificates.
/// The root above them is not in the run's CA bundle, so the chain must not be trusted.
/// </summary>
internal static class LongChain
{
    public const int Length = 50;

    public static SslStreamCertificateContext Context(string host)
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = AuthorityRequest("CN=KubeRaya hostile root", rootKey).CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var intermediates = new List<X509Certificate2>();
        var issuer = root;
        var issuerKey = rootKey;
        for (var depth = 1; depth < Length; depth++)
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var signed = AuthorityRequest($"CN=KubeRaya hostile intermediate {depth}", key)
                .Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), now.AddDays(-1), now.AddYears(1), Serial(depth));
            var withKey = signed.CopyWithPrivateKey(key);
            intermediates.Add(withKey);
            if (!ReferenceEquals(issuerKey, rootKey)) issuerKey.Dispose();
            issuer = withKey;
            issuerKey = key;
        }

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest($"CN={host}", leafKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leafSigned = leafRequest.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), now.AddDays(-1), now.AddDays(90), Serial(Length));
        issuerKey.Dispose();
        var leaf = leafSigned.CopyWithPrivateKey(leafKey);
        // Nearest issuer first, as a server sends them.
        intermediates.Reverse();
        return SslStreamCertificateContext.Create(leaf, [.. intermediates], offline: true);
    }

    private static CertificateRequest AuthorityRequest(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] Serial(int n) => [0x01, (byte)(n >> 8), (byte)n, .. RandomNumberGenerator.GetBytes(8)];
}
