using System.Net;
using FluentAssertions;
using KubeRaya.Conformance.Reference.Faults;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>
/// The controller faults that need no pods, on one platform: hsts-off, redirect-302, tls10-enabled, weak-ciphers,
/// default-cert-leaks-tenant, secret-updates-ignored. Each assertion is the negation of one in <see cref="ServingTests"/>.
/// </summary>
public sealed class EdgeFaultTests : IAsyncLifetime
{
    private readonly string host = SampleCluster.RandomHost("faulty");
    private string fingerprint = string.Empty;
    private PlatformUnderTest platform = null!;

    public async Task InitializeAsync()
    {
        var faults = FaultSet.Of(FaultSwitch.HstsOff, FaultSwitch.Redirect302, FaultSwitch.Tls10Enabled, FaultSwitch.WeakCiphers,
            FaultSwitch.DefaultCertLeaksTenant, FaultSwitch.SecretUpdatesIgnored);
        platform = await PlatformUnderTest.StartAsync(faults, (cluster, certificates) =>
        {
            var (chain, key, leaf) = certificates.Leaf(host);
            fingerprint = leaf;
            cluster.Services.Add(SampleCluster.Service("web", "web", "127.96.0.30"));
            cluster.Secrets.Add(SampleCluster.TlsSecret("faulty-tls", chain, key));
            cluster.Ingresses.Add(SampleCluster.Ingress("faulty", host, "web", "faulty-tls"));
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (platform is not null) await platform.DisposeAsync();
    }

    [Fact]
    public async Task Hsts_off_sends_no_Strict_Transport_Security()
    {
        var response = await EdgeClient.GetAsync(platform.Address, $"https://{host}/", CancellationToken.None);

        response.Status.Should().Be(HttpStatusCode.ServiceUnavailable, "the Service has no endpoints");
        response.Header("Strict-Transport-Security").Should().BeNull();
    }

    [Fact]
    public async Task Redirect_302_redirects_temporarily()
    {
        var response = await EdgeClient.GetAsync(platform.Address, $"http://{host}/a?b=c", CancellationToken.None);

        response.Status.Should().Be(HttpStatusCode.Found);
        response.Header("Location").Should().Be($"https://{host}/a?b=c");
    }

    [Fact]
    public async Task Tls10_enabled_negotiates_TLS_1_0_and_still_TLS_1_3()
    {
        var tls10 = await OpenSslClient.HandshakeAsync(platform.Https, host, CancellationToken.None, "-tls1", "-cipher", "ALL:@SECLEVEL=0");
        var tls13 = await OpenSslClient.HandshakeAsync(platform.Https, host, CancellationToken.None, "-tls1_3");

        tls10.Completed.Should().BeTrue(tls10.Output);
        tls10.Output.Should().Contain("Protocol  : TLSv1\n");
        tls13.Completed.Should().BeTrue(tls13.Output);
    }

    [Fact]
    public async Task Weak_ciphers_accept_an_anonymous_suite()
    {
        var anonymous = await OpenSslClient.HandshakeAsync(platform.Https, host, CancellationToken.None, "-tls1_2", "-cipher", "aNULL:@SECLEVEL=0");

        anonymous.Completed.Should().BeTrue(anonymous.Output);
        anonymous.Output.Should().Contain("AECDH");
    }

    [Fact]
    public async Task Default_cert_leaks_tenant_presents_the_tenant_certificate_to_unknown_and_absent_SNI()
    {
        var (unknown, _) = await EdgeClient.HandshakeAsync(platform.Https, SampleCluster.RandomHost("stranger"), CancellationToken.None);
        var (none, _) = await EdgeClient.HandshakeAsync(platform.Https, null, CancellationToken.None);

        unknown.Should().Be(fingerprint);
        none.Should().Be(fingerprint);
    }

    [Fact]
    public async Task Secret_updates_ignored_keeps_serving_the_first_certificate()
    {
        var (chain, key, rotated) = platform.Certificates.Leaf(host);
        platform.Cluster.Secrets[0] = SampleCluster.TlsSecret("faulty-tls", chain, key);

        await platform.ApplyAsync(CancellationToken.None);
        var (served, _) = await EdgeClient.HandshakeAsync(platform.Https, host, CancellationToken.None);

        served.Should().Be(fingerprint).And.NotBe(rotated);
    }
}
