using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FluentAssertions;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Reporting;
using KubeRaya.Conformance.Tests.Browser;
using Xunit;

namespace KubeRaya.Conformance.Tests.Reporting;

public sealed class KeyMaterialScannerTests
{
    private static readonly KeyMaterialScanner HeadersOnly = new();

    [Theory]
    [InlineData("PRIVATE KEY")]
    [InlineData("RSA PRIVATE KEY")]
    [InlineData("EC PRIVATE KEY")]
    [InlineData("ENCRYPTED PRIVATE KEY")]
    [InlineData("OPENSSH PRIVATE KEY")]
    public void A_PEM_private_key_header_is_found_as_written_in_JSON_and_in_HTML(string label)
    {
        // The header is made here from its label, so no key header is committed.
        var header = $"-----BEGIN {label}-----";
        HeadersOnly.Scan("plain.txt", Encoding.UTF8.GetBytes($"key:\n{header}\nMIIB\n")).Should().ContainSingle();
        HeadersOnly.Scan("x.json", JsonSerializer.SerializeToUtf8Bytes(new { key = header + "\nMIIB" })).Should().ContainSingle();
        HeadersOnly.Scan("x.html", Encoding.UTF8.GetBytes(HtmlEncoder.Default.Encode(header))).Should().ContainSingle()
            .Which.Kind.Should().Contain(header);
    }

    [Fact]
    public void An_RSA_key_is_found_raw_in_base64_at_any_offset_wrapped_or_escaped_and_in_hex()
    {
        using var key = RSA.Create(2048);
        var scanner = KeyMaterialScanner.ForKeys([key]);
        var pkcs1 = key.ExportRSAPrivateKey();
        var d = key.ExportParameters(true).D!;

        scanner.Scan("raw.bin", [0x00, 0x01, .. pkcs1, 0x02]).Should().Contain(f => f.Kind == "private key bytes (raw DER)");
        for (var offset = 0; offset < 3; offset++)
        {
            var wrapped = Convert.ToBase64String([.. new byte[offset], .. pkcs1], Base64FormattingOptions.InsertLineBreaks);
            scanner.Scan("a.txt", Encoding.ASCII.GetBytes(wrapped)).Should().Contain(f => f.Kind == "private key bytes (base64)", $"offset {offset}");
            scanner.Scan("a.json", JsonSerializer.SerializeToUtf8Bytes(new { blob = wrapped })).Should().Contain(f => f.Kind == "private key bytes (base64)");
            scanner.Scan("a.html", Encoding.UTF8.GetBytes(HtmlEncoder.Default.Encode(wrapped))).Should().Contain(f => f.Kind == "private key bytes (base64)");
        }
        scanner.Scan("d.txt", Encoding.ASCII.GetBytes("d = " + Convert.ToHexString(d))).Should().Contain(f => f.Kind == "private key bytes (hex)");
    }

    [Fact]
    public void A_scanner_made_from_a_PEM_key_finds_that_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var scanner = KeyMaterialScanner.ForPrivateKeyPem(key.ExportPkcs8PrivateKeyPem());

        scanner.SecretCount.Should().BeGreaterThan(1);
        scanner.Scan("k.bin", key.ExportECPrivateKey()).Should().NotBeEmpty("the private scalar sits inside the SEC1 encoding too");
    }

    [Fact]
    public void Certificates_and_their_evidence_are_not_mistaken_for_key_material()
    {
        using var ca = new TestAuthority("Scanner CA");
        using var leaf = ca.IssueServer("shop.kuberaya.test");
        using var key = leaf.GetECDsaPrivateKey()!;
        var scanner = KeyMaterialScanner.ForKeys([key]);

        scanner.Scan("leaf.pem", Encoding.ASCII.GetBytes(leaf.ExportCertificatePem())).Should().BeEmpty();
        scanner.Scan("leaf.der", leaf.RawData).Should().BeEmpty();
        scanner.Scan("leaf.json", JsonSerializer.SerializeToUtf8Bytes(CertificateEvidence.From(leaf))).Should().BeEmpty();
        scanner.Scan("public.der", key.ExportSubjectPublicKeyInfo()).Should().BeEmpty();
    }

    [Fact]
    public void Findings_name_the_file_and_the_kind_but_never_the_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();

        var findings = KeyMaterialScanner.ForKeys([key]).Scan("evidence/x.txt", Encoding.ASCII.GetBytes(pem));

        findings.Should().NotBeEmpty();
        var body = pem.Split('\n')[1];
        findings.Should().OnlyContain(f => f.File == "evidence/x.txt" && !f.ToString().Contains(body, StringComparison.Ordinal));
    }
}
