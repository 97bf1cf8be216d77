using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Pki;
using Xunit;

namespace KubeRaya.Conformance.Tests.Pki;

[Collection(AuthorityFixture.Collection)]
public sealed class ServerHandshakeTests(AuthorityFixture authorities) : IDisposable
{
    private const string Host = "app.tenant-a.test";
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(20));
    private readonly string directory = Directory.CreateTempSubdirectory("kr-pki-").FullName;

    [Fact]
    public async Task A_valid_leaf_serves_TLS_that_a_client_trusting_only_the_root_accepts()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, [Host]);

        var errors = await LoopbackTls.HandshakeAsync(issued.Leaf, issued.Intermediates, authorities.Root.Certificate, Host, timeout.Token);

        errors.Should().Be(SslPolicyErrors.None);
    }

    [Theory]
    [InlineData(LeafProfile.Expired, SslPolicyErrors.RemoteCertificateChainErrors)]
    [InlineData(LeafProfile.NotYetValid, SslPolicyErrors.RemoteCertificateChainErrors)]
    [InlineData(LeafProfile.WrongHost, SslPolicyErrors.RemoteCertificateNameMismatch)]
    [InlineData(LeafProfile.Wildcard, SslPolicyErrors.None)]
    [InlineData(LeafProfile.ClientAuthOnly, SslPolicyErrors.RemoteCertificateChainErrors)]
    [InlineData(LeafProfile.CaTrueLeaf, SslPolicyErrors.None)]
    [InlineData(LeafProfile.OverLongLifetime, SslPolicyErrors.None)]
    [InlineData(LeafProfile.ExpiringSoon, SslPolicyErrors.None)]
    // .NET on Linux falls back to the CN when a certificate has no DNS SAN, so it accepts these two;
    // KR-CERT-01 ignores the CN, which is why its judge must read the SANs and not SslPolicyErrors.
    [InlineData(LeafProfile.CommonNameOnly, SslPolicyErrors.None)]
    [InlineData(LeafProfile.IpOnlySan, SslPolicyErrors.None)]
    public async Task A_faulty_leaf_still_serves_TLS_so_that_probes_can_observe_it(LeafProfile profile, SslPolicyErrors seen)
    {
        using var issued = authorities.Intermediate.Issue(profile, [Host]);

        var errors = await LoopbackTls.HandshakeAsync(issued.Leaf, issued.Intermediates, authorities.Root.Certificate, Host, timeout.Token);

        errors.Should().Be(seen);
    }

    [Fact]
    public async Task A_client_trusting_another_root_rejects_the_same_server()
    {
        using var stranger = CertificateAuthority.CreateRoot("Somebody Else's Root");
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, [Host]);

        var errors = await LoopbackTls.HandshakeAsync(issued.Leaf, issued.Intermediates, stranger.Certificate, Host, timeout.Token);

        errors.Should().Be(SslPolicyErrors.RemoteCertificateChainErrors);
    }

    [Fact]
    public async Task A_server_that_does_not_send_the_intermediate_is_rejected()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, [Host]);

        var errors = await LoopbackTls.HandshakeAsync(issued.Leaf, [], authorities.Root.Certificate, Host, timeout.Token);

        errors.Should().Be(SslPolicyErrors.RemoteCertificateChainErrors);
    }

    [Fact]
    public async Task The_written_key_files_load_back_into_a_working_server_certificate()
    {
        using var issued = authorities.Intermediate.Issue(LeafProfile.Valid, [Host]);
        using var files = issued.WriteFiles(directory);
        using var fromFiles = X509Certificate2.CreateFromPemFile(files.CertificatePath, files.KeyPath);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(files.CertificatePath);

        var errors = await LoopbackTls.HandshakeAsync(fromFiles, chain.Skip(1), authorities.Root.Certificate, Host, timeout.Token);

        errors.Should().Be(SslPolicyErrors.None);
    }

    public void Dispose()
    {
        timeout.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
