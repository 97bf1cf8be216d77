using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

/// <summary>
/// A leaf whose Authority Information Access names a loopback URL that serves the missing intermediate.
/// A client that downloads it repairs the chain; the probes must not (nor fetch anything at all).
/// </summary>
public sealed class AiaTests
{
    private const string Host = TestCertificates.AppHost;

    [Fact]
    public async Task A_missing_intermediate_is_not_downloaded_from_the_AIA_address()
    {
        var intermediateDer = Array.Empty<byte>();
        await using var aia = await KestrelServer.StartHttpAsync(context =>
        {
            context.Response.ContentType = "application/pkix-cert";
            return context.Response.Body.WriteAsync(intermediateDer).AsTask();
        });
        var chain = AiaChain.Create($"http://127.0.0.1:{aia.Port}/intermediate.cer");
        intermediateDer = chain.Intermediate.RawData;
        await using var server = await KestrelServer.StartHttpsAsync(SslStreamCertificateContext.Create(chain.Leaf, null, offline: true),
            context => context.Response.WriteAsync("ok"));

        var evidence = await new TlsProbe(ProbeTimeouts.Normal, [chain.Root]).HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);
        var requestsAfterProbe = aia.Requests;
        bool downloaded;
        Evidence.TlsHandshakeEvidence probedAgain;
        try
        {
            downloaded = DownloadingClientTrusts(chain);
            probedAgain = await new TlsProbe(ProbeTimeouts.Normal, [chain.Root]).HandshakeAsync(server.Endpoint, Host, Host, null, CancellationToken.None);
        }
        finally
        {
            ForgetDownloaded(chain.Intermediate);
        }

        evidence.ServedChain.Should().ContainSingle();
        evidence.ChainValidation!.Trusted.Should().BeFalse();
        evidence.ChainValidation.Problems.Should().Contain(p => p.StartsWith("PartialChain", StringComparison.Ordinal));
        requestsAfterProbe.Should().Be(0, "neither the TLS library's chain build nor the probe's may fetch the AIA address");
        downloaded.Should().BeTrue("a client that downloads does repair this chain, so the address works");
        aia.Requests.Should().BePositive();
        probedAgain.ChainValidation!.Trusted.Should().BeFalse("an intermediate another client downloaded (and the platform cached) was still not served");
        probedAgain.ChainValidation.Problems.Should().Contain(p => p.StartsWith("NotServed", StringComparison.Ordinal) && p.Contains("AIA test intermediate"));
    }

    /// <summary>.NET on Linux caches downloaded intermediates in the user's CA store; take ours out again.</summary>
    private static void ForgetDownloaded(X509Certificate2 intermediate)
    {
        using var store = new X509Store(StoreName.CertificateAuthority, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Remove(intermediate);
    }

    private static bool DownloadingClientTrusts(AiaChain chain)
    {
        using var x509 = new X509Chain();
        x509.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        x509.ChainPolicy.CustomTrustStore.Add(chain.Root);
        x509.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        x509.ChainPolicy.DisableCertificateDownloads = false;
        x509.ChainPolicy.UrlRetrievalTimeout = TimeSpan.FromSeconds(5);
        return x509.Build(chain.Leaf);
    }

    /// <summary>Root, intermediate and a leaf (with its key) that points at <c>aiaUrl</c> for its issuer.</summary>
    private sealed record AiaChain(X509Certificate2 Root, X509Certificate2 Intermediate, X509Certificate2 Leaf)
    {
        public static AiaChain Create(string aiaUrl)
        {
            var now = DateTimeOffset.UtcNow;
            using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

            var rootRequest = Authority("CN=AIA test root", rootKey);
            var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

            var intermediateRequest = Authority("CN=AIA test intermediate", intermediateKey);
            intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
            var intermediate = intermediateRequest.Create(root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), now.AddDays(-1), now.AddDays(20), [1]);

            var leafRequest = new CertificateRequest($"CN={Host}", leafKey, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(Host);
            leafRequest.CertificateExtensions.Add(names.Build());
            leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, true, false));
            leafRequest.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, [aiaUrl]));
            using var leafPublic = leafRequest.Create(intermediate.SubjectName, X509SignatureGenerator.CreateForECDsa(intermediateKey), now.AddDays(-1), now.AddDays(10), [2]);
            using var leafWithKey = leafPublic.CopyWithPrivateKey(leafKey);
            var leaf = X509CertificateLoader.LoadPkcs12(leafWithKey.Export(X509ContentType.Pkcs12), null);
            return new AiaChain(root, intermediate, leaf);
        }

        private static CertificateRequest Authority(string subject, ECDsa key)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request;
        }
    }
}
