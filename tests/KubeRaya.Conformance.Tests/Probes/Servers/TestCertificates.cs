using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using KubeRaya.Conformance.Pki;

namespace KubeRaya.Conformance.Tests.Probes.Servers;

/// <summary>
/// The run's CA (root and intermediate), made once per test process (CA keys are RSA 3072 and slow to
/// generate) and shared by every probe test; certificate contexts ready for Kestrel. Keys stay in memory.
/// </summary>
internal sealed class TestCertificates
{
    public const string AppHost = "app.example.test";

    private static readonly Lazy<TestCertificates> Instance = new(() => new TestCertificates());

    private TestCertificates()
    {
        Root = CertificateAuthority.CreateRoot("KubeRaya probe test root");
        Intermediate = Root.CreateIntermediate("KubeRaya probe test intermediate");
    }

    /// <summary>The one instance.</summary>
    public static TestCertificates Shared => Instance.Value;

    public CertificateAuthority Root { get; }
    public CertificateAuthority Intermediate { get; }

    /// <summary>The run's CA bundle: the root only.</summary>
    public X509Certificate2Collection Bundle => [Root.Certificate];

    /// <summary>A leaf for <paramref name="hosts"/> (the app host when none) from the run's intermediate.</summary>
    public IssuedCertificate Issue(LeafProfile profile = LeafProfile.Valid, params string[] hosts) =>
        Intermediate.Issue(profile, hosts.Length == 0 ? [AppHost] : hosts);

    /// <summary>A context serving the leaf and its intermediates (or the leaf alone).</summary>
    public static SslStreamCertificateContext Context(IssuedCertificate issued, bool includeIntermediates = true) =>
        SslStreamCertificateContext.Create(issued.Leaf, [.. (includeIntermediates ? issued.Intermediates : [])], offline: true);

    /// <summary>A correct chain for <paramref name="hosts"/>: leaf and intermediate.</summary>
    public SslStreamCertificateContext Valid(params string[] hosts) => Context(Issue(LeafProfile.Valid, hosts));
}
