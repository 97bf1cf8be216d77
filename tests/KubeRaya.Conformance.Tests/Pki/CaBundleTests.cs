using FluentAssertions;
using KubeRaya.Conformance.Pki;
using Xunit;

namespace KubeRaya.Conformance.Tests.Pki;

[Collection(AuthorityFixture.Collection)]
public sealed class CaBundleTests(AuthorityFixture authorities) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kr-bundle-").FullName;

    [Fact]
    public void A_bundle_file_yields_every_certificate_in_order()
    {
        var path = Write("bundle.pem", authorities.Root.CertificatePem + "some comment\n" + authorities.Intermediate.CertificatePem);

        var bundle = CaBundle.Load(path);

        bundle.Select(c => c.Subject).Should().Equal("CN=KubeRaya Test Root", "CN=KubeRaya Test Intermediate");
    }

    [Fact]
    public void A_bundle_from_PEM_text_yields_the_certificate()
    {
        var bundle = CaBundle.FromPem(authorities.Root.CertificatePem);

        bundle.Should().ContainSingle().Which.RawData.Should().Equal(authorities.Root.Certificate.RawData);
    }

    [Fact]
    public void A_missing_bundle_file_is_named_in_a_one_line_error()
    {
        var path = Path.Combine(directory, "absent.pem");

        var load = () => CaBundle.Load(path);

        load.Should().Throw<CaBundleException>()
            .Which.Message.Should().Contain($"CA bundle '{path}' cannot be read").And.Contain("readable PEM file").And.NotContain("\n");
    }

    [Fact]
    public void A_directory_instead_of_a_bundle_file_is_an_error()
    {
        var load = () => CaBundle.Load(directory);

        load.Should().Throw<CaBundleException>().WithMessage($"CA bundle '{directory}' cannot be read*");
    }

    [Fact]
    public void A_file_without_a_PEM_certificate_is_an_error_that_suggests_converting_DER()
    {
        var path = Path.Combine(directory, "root.der");
        File.WriteAllBytes(path, authorities.Root.Certificate.RawData);

        var load = () => CaBundle.Load(path);

        load.Should().Throw<CaBundleException>().WithMessage($"CA bundle '{path}' contains no PEM 'BEGIN CERTIFICATE' block*openssl x509 -inform der*");
    }

    [Fact]
    public void An_empty_text_is_an_error()
    {
        var load = () => CaBundle.FromPem("");

        load.Should().Throw<CaBundleException>().WithMessage("The CA bundle contains no PEM*");
    }

    [Fact]
    public void A_certificate_block_with_broken_base64_is_an_error_even_after_a_good_one()
    {
        var broken = authorities.Intermediate.CertificatePem.Replace("MII", "M!I", StringComparison.Ordinal);
        var path = Write("broken.pem", authorities.Root.CertificatePem + broken);

        var load = () => CaBundle.Load(path);

        load.Should().Throw<CaBundleException>().WithMessage($"CA bundle '{path}': certificate block #2 is not well-formed PEM*");
    }

    [Fact]
    public void A_certificate_block_that_is_not_X509_is_an_error()
    {
        var pem = "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n";

        var load = () => CaBundle.FromPem(pem);

        load.Should().Throw<CaBundleException>().WithMessage("The CA bundle: certificate block #1 does not parse as an X.509 certificate*");
    }

    [Fact]
    public void A_bundle_holding_a_private_key_is_refused()
    {
        using var issued = authorities.Root.Issue(LeafProfile.Valid, ["app.tenant-a.test"]);

        var load = () => CaBundle.FromPem(authorities.Root.CertificatePem + issued.PrivateKeyPem());

        load.Should().Throw<CaBundleException>().WithMessage("*contains a private key*");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string contents)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, contents);
        return path;
    }
}
