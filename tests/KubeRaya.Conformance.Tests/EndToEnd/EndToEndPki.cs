using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeRaya.Conformance.Pki;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// The authorities of the end-to-end tests, made once per test process (their RSA keys take a moment and live in
/// memory only): the run's CA, a root with an intermediate below it, whose root alone is the CA bundle; and an
/// unrelated CA of the same shape that the bundle does not contain.
/// </summary>
internal sealed class EndToEndPki
{
    private static readonly Lazy<EndToEndPki> Instance = new(() => new EndToEndPki());

    private EndToEndPki()
    {
        Root = CertificateAuthority.CreateRoot("KubeRaya end-to-end root");
        Intermediate = Root.CreateIntermediate("KubeRaya end-to-end intermediate");
        UnrelatedRoot = CertificateAuthority.CreateRoot("Unrelated root");
        UnrelatedIntermediate = UnrelatedRoot.CreateIntermediate("Unrelated intermediate");
    }

    /// <summary>The one set of authorities.</summary>
    public static EndToEndPki Shared => Instance.Value;

    /// <summary>The run's root: the whole CA bundle.</summary>
    public CertificateAuthority Root { get; }

    /// <summary>The run's issuing intermediate.</summary>
    public CertificateAuthority Intermediate { get; }

    /// <summary>A root outside the CA bundle.</summary>
    public CertificateAuthority UnrelatedRoot { get; }

    /// <summary>The issuing intermediate of <see cref="UnrelatedRoot"/>.</summary>
    public CertificateAuthority UnrelatedIntermediate { get; }

    /// <summary>The CA bundle given to the command line: the run's root, PEM.</summary>
    public string CaBundlePem => Root.CertificatePem;

    /// <summary>A self-signed certificate and key (PEM) like ingress-nginx's "Fake Certificate" for its default server.</summary>
    public static (string CertificatePem, string KeyPem) SelfSignedDefault()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("ingress.local");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(365));
        return (certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }
}
