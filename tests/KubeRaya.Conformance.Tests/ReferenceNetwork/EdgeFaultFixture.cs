using KubeRaya.Conformance.Reference.Faults;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>
/// One platform with the controller faults that need no pods: hsts-off, redirect-302, tls10-enabled, weak-ciphers,
/// default-cert-leaks-tenant, secret-updates-ignored; one TLS host whose Service has no endpoints.
/// </summary>
public sealed class EdgeFaultFixture : IAsyncLifetime
{
    public string Host { get; } = SampleCluster.RandomHost("faulty");

    public string Fingerprint { get; private set; } = string.Empty;

    internal PlatformUnderTest Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var faults = FaultSet.Of(FaultSwitch.HstsOff, FaultSwitch.Redirect302, FaultSwitch.Tls10Enabled, FaultSwitch.WeakCiphers,
            FaultSwitch.DefaultCertLeaksTenant, FaultSwitch.SecretUpdatesIgnored);
        Platform = await PlatformUnderTest.StartAsync(faults, (cluster, certificates) =>
        {
            var (chain, key, leaf) = certificates.Leaf(Host);
            Fingerprint = leaf;
            cluster.Services.Add(SampleCluster.Service("web", "web", "127.96.0.30"));
            cluster.Secrets.Add(SampleCluster.TlsSecret("faulty-tls", chain, key));
            cluster.Ingresses.Add(SampleCluster.Ingress("faulty", Host, "web", "faulty-tls"));
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null) await Platform.DisposeAsync();
    }
}
