using KubeRaya.Conformance.Pki;
using Xunit;

namespace KubeRaya.Conformance.Tests.Pki;

/// <summary>
/// One root and one intermediate below it, shared by every PKI test class (RSA 3072 keys take a
/// moment to make on a busy machine).
/// </summary>
public sealed class AuthorityFixture : IDisposable
{
    public const string Collection = "PKI authorities";

    public AuthorityFixture() => Intermediate = Root.CreateIntermediate("KubeRaya Test Intermediate");

    public CertificateAuthority Root { get; } = CertificateAuthority.CreateRoot("KubeRaya Test Root");

    public CertificateAuthority Intermediate { get; }

    public void Dispose()
    {
        Intermediate.Dispose();
        Root.Dispose();
    }
}

[CollectionDefinition(AuthorityFixture.Collection)]
public sealed class AuthorityCollection : ICollectionFixture<AuthorityFixture>;
