using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Tests.RawTls;

/// <summary>A throw-away self-signed RSA-2048 server certificate as PEM files for <c>NginxServer</c>; the key exists only in
/// memory and in the server's 0600 temp file, which is deleted with the server.</summary>
internal static class TestServerCertificate
{
    public const string CertificateFile = "server.crt";
    public const string KeyFile = "server.key";

    public static IReadOnlyDictionary<string, string> RsaFiles(string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
        return new Dictionary<string, string>
        {
            [CertificateFile] = certificate.ExportCertificatePem(),
            [KeyFile] = key.ExportPkcs8PrivateKeyPem(),
        };
    }
}
