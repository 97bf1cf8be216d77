using System.Net;
using FluentAssertions;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>
/// The controller faults that need no pods (see <see cref="EdgeFaultFixture"/>). Each assertion is the negation of
/// one in <see cref="ServingTests"/>.
/// </summary>
public sealed class EdgeFaultTests(EdgeFaultFixture fixture) : IClassFixture<EdgeFaultFixture>
{
    private PlatformUnderTest Platform => fixture.Platform;

    [Fact]
    public async Task Hsts_off_sends_no_Strict_Transport_Security()
    {
        var response = await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.Host}/", CancellationToken.None);

        response.Status.Should().Be(HttpStatusCode.ServiceUnavailable, "the Service has no endpoints");
        response.Header("Strict-Transport-Security").Should().BeNull();
    }

    [Fact]
    public async Task Redirect_302_redirects_temporarily()
    {
        var response = await EdgeClient.GetAsync(Platform.Address, $"http://{fixture.Host}/a?b=c", CancellationToken.None);

        response.Status.Should().Be(HttpStatusCode.Found);
        response.Header("Location").Should().Be($"https://{fixture.Host}/a?b=c");
    }

    [Fact]
    public async Task Tls10_enabled_negotiates_TLS_1_0_and_still_TLS_1_3()
    {
        var tls10 = await OpenSslClient.HandshakeAsync(Platform.Https, fixture.Host, CancellationToken.None, "-tls1", "-cipher", "ALL:@SECLEVEL=0");
        var tls13 = await OpenSslClient.HandshakeAsync(Platform.Https, fixture.Host, CancellationToken.None, "-tls1_3");

        tls10.Completed.Should().BeTrue(tls10.Output);
        tls10.Output.Should().Contain("Protocol  : TLSv1\n");
        tls13.Completed.Should().BeTrue(tls13.Output);
    }

    [Fact]
    public async Task Weak_ciphers_accept_an_anonymous_suite()
    {
        var anonymous = await OpenSslClient.HandshakeAsync(Platform.Https, fixture.Host, CancellationToken.None, "-tls1_2", "-cipher", "aNULL:@SECLEVEL=0");

        anonymous.Completed.Should().BeTrue(anonymous.Output);
        anonymous.Output.Should().Contain("AECDH");
    }

    [Fact]
    public async Task Default_cert_leaks_tenant_presents_the_tenant_certificate_to_unknown_and_absent_SNI()
    {
        var (unknown, _) = await EdgeClient.HandshakeAsync(Platform.Https, SampleCluster.RandomHost("stranger"), CancellationToken.None);
        var (none, _) = await EdgeClient.HandshakeAsync(Platform.Https, null, CancellationToken.None);

        unknown.Should().Be(fixture.Fingerprint);
        none.Should().Be(fixture.Fingerprint);
    }

    [Fact]
    public async Task Secret_updates_ignored_keeps_serving_the_first_certificate()
    {
        var (chain, key, rotated) = Platform.Certificates.Leaf(fixture.Host);
        Platform.Cluster.Secrets[0] = SampleCluster.TlsSecret("faulty-tls", chain, key);

        await Platform.ApplyAsync(CancellationToken.None);
        var (served, _) = await EdgeClient.HandshakeAsync(Platform.Https, fixture.Host, CancellationToken.None);

        served.Should().Be(fixture.Fingerprint).And.NotBe(rotated);
    }
}
