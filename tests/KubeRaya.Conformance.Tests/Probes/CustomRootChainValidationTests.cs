using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

public sealed class CustomRootChainValidationTests
{
    private static readonly TestCertificates Pki = TestCertificates.Shared;

    [Fact]
    public void A_root_the_operating_system_trusts_is_not_trusted_when_it_is_not_in_the_bundle()
    {
        const string systemBundle = "/etc/ssl/certs/ca-certificates.crt";
        File.Exists(systemBundle).Should().BeTrue("this test needs the system's CA certificates (Debian package ca-certificates)");
        var systemRoots = new X509Certificate2Collection();
        systemRoots.ImportFromPemFile(systemBundle);
        var systemRoot = systemRoots[0];

        var validation = CustomRootChainValidation.Validate([systemRoot], [Pki.Root.Certificate]);
        var trustedWhenInTheBundle = CustomRootChainValidation.Validate([systemRoot], [systemRoot]);

        validation.Trusted.Should().BeFalse();
        validation.Problems.Should().Contain(p => p.StartsWith("UntrustedRoot", StringComparison.Ordinal));
        trustedWhenInTheBundle.Trusted.Should().BeTrue("the same root counts once the bundle names it");
    }

    [Fact]
    public void A_valid_chain_validated_after_its_leaf_expired_is_out_of_time()
    {
        using var issued = Pki.Issue(LeafProfile.Valid, TestCertificates.AppHost);
        X509Certificate2[] served = [issued.Leaf, .. issued.Intermediates];

        var now = CustomRootChainValidation.Validate(served, [Pki.Root.Certificate]);
        var later = CustomRootChainValidation.Validate(served, [Pki.Root.Certificate], issued.Leaf.NotAfter.AddDays(1));

        now.Trusted.Should().BeTrue();
        now.BuiltChain.Should().HaveCount(3);
        later.Trusted.Should().BeFalse();
        later.Problems.Should().ContainSingle(p => p.StartsWith("NotTimeValid", StringComparison.Ordinal))
            .Which.Should().Contain(issued.Leaf.Subject);
    }

    [Fact]
    public void An_intermediate_in_the_bundle_does_not_stand_in_for_one_the_server_failed_to_send()
    {
        using var issued = Pki.Issue(LeafProfile.Valid, TestCertificates.AppHost);

        var rootAndIntermediate = CustomRootChainValidation.Validate([issued.Leaf], [Pki.Root.Certificate, Pki.Intermediate.Certificate]);
        var intermediateOnly = CustomRootChainValidation.Validate([issued.Leaf], [Pki.Intermediate.Certificate]);

        rootAndIntermediate.Trusted.Should().BeFalse();
        rootAndIntermediate.Problems.Should().Contain(p => p.StartsWith("PartialChain", StringComparison.Ordinal));
        intermediateOnly.Trusted.Should().BeFalse();
        intermediateOnly.Problems.Should().Contain("NoTrustAnchor: the CA bundle holds no self-signed root certificate");
    }

    [Fact]
    public void No_certificate_at_all_is_recorded_as_a_problem()
    {
        var validation = CustomRootChainValidation.Validate([], [Pki.Root.Certificate]);

        validation.Trusted.Should().BeFalse();
        validation.Problems.Should().Equal("NoCertificate: the server sent no certificate");
        validation.BuiltChain.Should().BeEmpty();
    }
}
