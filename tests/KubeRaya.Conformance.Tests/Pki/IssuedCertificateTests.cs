using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Pki;
using Xunit;

namespace KubeRaya.Conformance.Tests.Pki;

[Collection(AuthorityFixture.Collection)]
public sealed class IssuedCertificateTests(AuthorityFixture authorities) : IDisposable
{
    /// <summary>The PEM label of a PKCS#8 private key.</summary>
    private const string Pkcs8Label = "PRIVATE KEY";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly string[] Hosts = ["app.tenant-a.test"];
    private readonly string directory = Directory.CreateTempSubdirectory("kr-pki-").FullName;

    [Fact]
    public void The_chain_PEM_lists_the_leaf_first_then_the_intermediate()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, Hosts);
        var chain = new X509Certificate2Collection();

        chain.ImportFromPem(issued.ChainPem());

        chain.Select(c => c.RawData).Should().BeEquivalentTo(
            [issued.Leaf.RawData, authorities.Intermediate.Certificate.RawData], o => o.WithStrictOrdering());
    }

    [Fact]
    public void The_chain_PEM_can_leave_the_intermediates_out()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, Hosts);
        var chain = new X509Certificate2Collection();

        chain.ImportFromPem(issued.ChainPem(includeIntermediates: false));

        chain.Should().ContainSingle().Which.RawData.Should().Equal(issued.Leaf.RawData);
    }

    [Theory]
    [InlineData(LeafProfile.Valid)]
    [InlineData(LeafProfile.Sha1Signed)]
    public void The_private_key_PEM_is_PKCS8_and_belongs_to_the_leaf(LeafProfile profile)
    {
        using var issued = authorities.Root.Issue(profile, Hosts);
        var pem = issued.PrivateKeyPem();

        pem.Should().StartWith($"-----BEGIN {Pkcs8Label}-----");
        using var paired = X509Certificate2.CreateFromPem(issued.ChainPem(), pem);
        paired.HasPrivateKey.Should().BeTrue();
    }

    [Fact]
    public void The_private_key_PEM_is_not_the_key_of_another_leaf()
    {
        using var first = authorities.Root.Issue(LeafProfile.Valid, Hosts);
        using var second = authorities.Root.Issue(LeafProfile.Valid, Hosts);

        var pair = () => X509Certificate2.CreateFromPem(first.ChainPem(), second.PrivateKeyPem());

        pair.Should().Throw<ArgumentException>().WithMessage("*does not match*");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Key_files_are_readable_and_writable_by_their_owner_only()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, Hosts);

        using var files = issued.WriteFiles(directory);

        File.GetUnixFileMode(files.CertificatePath).Should().Be(OwnerReadWrite);
        File.GetUnixFileMode(files.KeyPath).Should().Be(OwnerReadWrite);
        File.ReadAllText(files.CertificatePath).Should().Be(issued.ChainPem());
        File.ReadAllText(files.KeyPath).Should().Be(issued.PrivateKeyPem());
    }

    [Fact]
    public void Key_files_are_gone_once_disposed_and_disposing_twice_is_harmless()
    {
        using var issued = authorities.Root.Issue(LeafProfile.Valid, Hosts);
        var files = issued.WriteFiles(directory);

        files.Dispose();
        files.Dispose();

        File.Exists(files.CertificatePath).Should().BeFalse();
        File.Exists(files.KeyPath).Should().BeFalse();
    }

    [Fact]
    public void Disposing_the_certificate_deletes_every_key_file_it_wrote()
    {
        var issued = authorities.Root.Issue(LeafProfile.Valid, Hosts);
        var first = issued.WriteFiles(directory);
        var second = issued.WriteFiles(Path.Combine(directory, "nested"), includeIntermediates: false);

        issued.Dispose();
        issued.Dispose();

        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Should().BeEmpty();
        first.KeyPath.Should().NotBe(second.KeyPath);
    }

    [Fact]
    public void A_disposed_certificate_no_longer_hands_out_its_key()
    {
        var issued = authorities.Root.Issue(LeafProfile.Valid, Hosts);
        issued.Dispose();

        var export = () => issued.PrivateKeyPem();

        export.Should().Throw<ObjectDisposedException>();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
