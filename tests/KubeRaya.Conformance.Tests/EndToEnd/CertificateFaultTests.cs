using KubeRaya.Conformance.Pki;
using Xunit;
using static KubeRaya.Conformance.Tests.EndToEnd.IngressConfiguration;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>Faults of the first host's certificate, each alone, through the command line.</summary>
public sealed class CertificateFaultTests
{
    [Fact]
    public async Task A_certificate_for_another_host_fails_the_name_control()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostCertificate = LeafProfile.WrongHost }, RunScope.WithoutBrowser);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-CERT-01", FirstHost));
    }

    [Fact]
    public async Task An_expired_certificate_fails_the_validity_control_with_the_headroom_it_lacks_and_the_browser_refuses_it()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostCertificate = LeafProfile.Expired }, RunScope.Everything);

        run.ShouldFailExactly(
            ExpectedFailure.Of("KR-CERT-03", FirstHost),
            ExpectedFailure.Because("KR-CERT-04", FirstHost, "an expired certificate has no time left before notAfter, let alone 30 days"),
            ExpectedFailure.Because("KR-UX-01", FirstHost, "Chromium refuses an expired certificate (net::ERR_CERT_DATE_INVALID)"));
    }

    [Fact]
    public async Task A_chain_without_its_intermediate_fails_the_chain_control_and_the_browser_cannot_build_it_either()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostServesIntermediate = false }, RunScope.Everything);

        run.ShouldFailExactly(
            ExpectedFailure.Of("KR-CERT-02", FirstHost),
            ExpectedFailure.Because("KR-UX-01", FirstHost, "the browser trusts only the run's root and may fetch nothing, so it cannot complete the chain"));
    }

    [Fact]
    public async Task A_certificate_from_an_unrelated_CA_fails_the_chain_control()
    {
        var run = await EndpointRun.AgainstAsync(Correct with { FirstHostFromUnrelatedCa = true }, RunScope.WithoutBrowser);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-CERT-02", FirstHost));
    }

    [Fact]
    public async Task An_RSA_1024_key_fails_the_key_strength_control()
    {
        // nginx loads a 1024-bit key only at OpenSSL security level 0; the cipher list itself stays modern.
        var run = await EndpointRun.AgainstAsync(
            Correct with { FirstHostCertificate = LeafProfile.Rsa1024, Ciphers = ModernCiphers + ":@SECLEVEL=0" },
            RunScope.WithoutBrowser);

        run.ShouldFailExactly(ExpectedFailure.Of("KR-CERT-05", FirstHost));
    }
}
