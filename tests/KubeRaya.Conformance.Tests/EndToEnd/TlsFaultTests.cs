using KubeRaya.Conformance.Pki;
using Xunit;
using static KubeRaya.Conformance.Tests.EndToEnd.IngressConfiguration;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>Protocol and cipher faults of the whole ingress, each alone, through the command line.</summary>
public sealed class TlsFaultTests
{
    [Fact]
    public async Task An_ingress_that_also_accepts_TLS_1_0_fails_the_protocol_control_on_every_host()
    {
        // OpenSSL 3 negotiates TLS 1.0 only at security level 0, and TLS 1.0 needs a CBC suite: a forward-secret one,
        // which KR-TLS-04 does not count as weak, so that only the protocol is wrong.
        var run = await EndpointRun.AgainstAsync(
            Correct with { Protocols = "TLSv1 TLSv1.2 TLSv1.3", Ciphers = ModernCiphers + ":ECDHE-ECDSA-AES128-SHA:@SECLEVEL=0" },
            RunScope.WithoutBrowser);

        run.ShouldFailExactly([.. ExpectedFailure.OnEveryHost("KR-TLS-03")]);
    }

    [Fact]
    public async Task An_ingress_that_allows_static_RSA_AES128_SHA_fails_the_cipher_control_where_an_RSA_certificate_can_serve_it()
    {
        // AES128-SHA authenticates with RSA: the first host's RSA certificate can serve it, the second host's EC
        // certificate cannot, so the second host really refuses the weak offer.
        var run = await EndpointRun.AgainstAsync(
            Correct with { Ciphers = ModernCiphers + ":AES128-SHA", FirstHostCertificate = LeafProfile.Rsa2048 },
            RunScope.WithoutBrowser);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-TLS-04", FirstHost));
    }
}
