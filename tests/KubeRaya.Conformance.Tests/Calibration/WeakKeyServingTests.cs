using FluentAssertions;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes;
using EdgePolicy = KubeRaya.Conformance.Reference.Controller.EdgePolicy;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Tests.Support;
using Xunit;

namespace KubeRaya.Conformance.Tests.Calibration;

/// <summary>
/// The weak-key calibration fault needs a data plane that serves an RSA-1024 certificate, as ingress-nginx did at
/// OpenSSL security level 1: Debian's nginx does so only under the reference platform's pinned cipher policy.
/// </summary>
public sealed class WeakKeyServingTests : IDisposable
{
    private const string Host = "kr-weak-abc123.kuberaya.test";
    private readonly CertificateAuthority _ca = CertificateAuthority.CreateRoot("weak key test CA");
    private readonly IssuedCertificate _weak;

    public WeakKeyServingTests() => _weak = _ca.Issue(LeafProfile.Rsa1024, [Host]);

    private Task<NginxServer> StartAsync(string ciphers) => NginxServer.StartAsync(
        $$"""
            server {
                listen 127.0.0.1:{{NginxServer.PortToken}} ssl;
                server_name {{Host}};
                ssl_certificate {{NginxServer.DirectoryToken}}/weak.pem;
                ssl_certificate_key {{NginxServer.DirectoryToken}}/weak.pem;
                ssl_protocols TLSv1.2 TLSv1.3;
                ssl_ciphers "{{ciphers}}";
                return 200 "ok\n";
            }
        """,
        new Dictionary<string, string> { ["weak.pem"] = _weak.ChainPem() + _weak.PrivateKeyPem() },
        CancellationToken.None);

    [Fact]
    public async Task The_reference_cipher_policy_serves_an_RSA_1024_certificate()
    {
        await using var nginx = await StartAsync(EdgePolicy.For(FaultSet.None).Ciphers);

        var handshake = await new TlsProbe(Timeouts.FromEnvironment(), [_ca.Certificate])
            .HandshakeAsync(new ProbeEndpoint(NginxServer.Address, 80, nginx.Port), Host, Host, null, CancellationToken.None);

        handshake.Completed.Should().BeTrue(handshake.Failure);
        handshake.Leaf!.Sha256Fingerprint.Should().Be(Evidence.CertificateEvidence.From(_weak.Leaf).Sha256Fingerprint);
        handshake.HttpStatus.Should().Be(200);
    }

    [Fact]
    public async Task At_security_level_2_nginx_refuses_the_same_certificate()
    {
        var start = () => StartAsync(EdgePolicy.DefaultCiphers + ":@SECLEVEL=2");

        await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("*key too small*");
    }

    public void Dispose()
    {
        _weak.Dispose();
        _ca.Dispose();
    }
}
