using KubeRaya.Conformance.Reference.Faults;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>
/// One fault-free platform shared by the serving tests: Deployment "web" (one echo pod), Service "web" (ClusterIP
/// 127.96.0.10:80 → named port http 8080), and Ingresses for a plain TLS host, a host with Prefix and Exact paths,
/// a basic-auth host, a rate-limited host, a host whose Secret the rotation test replaces, a host with ssl-redirect
/// "false", and a host of another IngressClass.
/// </summary>
public sealed class ServingPlatformFixture : IAsyncLifetime
{
    public const string ClusterIp = "127.96.0.10";

    public string ShopHost { get; } = SampleCluster.RandomHost("shop");

    public string PathsHost { get; } = SampleCluster.RandomHost("paths");

    public string AuthHost { get; } = SampleCluster.RandomHost("auth");

    public string LimitHost { get; } = SampleCluster.RandomHost("limit");

    public string RotateHost { get; } = SampleCluster.RandomHost("rotate");

    public string PlainHost { get; } = SampleCluster.RandomHost("plain");

    public string ForeignHost { get; } = SampleCluster.RandomHost("foreign");

    public string ShopFingerprint { get; private set; } = string.Empty;

    internal PlatformUnderTest Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await PlatformUnderTest.StartAsync(FaultSet.None, (cluster, certificates) =>
        {
            cluster.Deployments.Add(SampleCluster.Deployment("web"));
            cluster.Services.Add(SampleCluster.Service("web", "web", ClusterIp));
            foreach (var (name, host) in new[] { ("shop", ShopHost), ("paths", PathsHost), ("auth", AuthHost), ("limit", LimitHost), ("rotate", RotateHost), ("plain", PlainHost), ("foreign", ForeignHost) })
            {
                var (chain, key, fingerprint) = certificates.Leaf(host);
                if (name == "shop") ShopFingerprint = fingerprint;
                cluster.Secrets.Add(SampleCluster.TlsSecret(name + "-tls", chain, key));
            }

            cluster.Secrets.Add(SampleCluster.AuthSecret("basic-auth", "auditor:{PLAIN}s3cret\n"));
            cluster.Ingresses.Add(SampleCluster.Ingress("shop", ShopHost, "web", "shop-tls"));
            cluster.Ingresses.Add(SampleCluster.Ingress("paths", PathsHost, "web", "paths-tls", [("Prefix", "/foo"), ("Exact", "/bar")]));
            cluster.Ingresses.Add(SampleCluster.Ingress("auth", AuthHost, "web", "auth-tls", annotations: new Dictionary<string, string>
            {
                ["nginx.ingress.kubernetes.io/auth-type"] = "basic",
                ["nginx.ingress.kubernetes.io/auth-secret"] = "basic-auth",
            }));
            cluster.Ingresses.Add(SampleCluster.Ingress("limit", LimitHost, "web", "limit-tls", annotations: new Dictionary<string, string>
            {
                ["nginx.ingress.kubernetes.io/limit-rps"] = "1",
                ["nginx.ingress.kubernetes.io/limit-burst-multiplier"] = "1",
            }));
            cluster.Ingresses.Add(SampleCluster.Ingress("rotate", RotateHost, "web", "rotate-tls"));
            cluster.Ingresses.Add(SampleCluster.Ingress("plain", PlainHost, "web", "plain-tls", annotations: new Dictionary<string, string>
            {
                ["nginx.ingress.kubernetes.io/ssl-redirect"] = "false",
            }));
            var foreign = SampleCluster.Ingress("foreign", ForeignHost, "web", "foreign-tls");
            foreign.Spec.IngressClassName = "some-other-controller";
            cluster.Ingresses.Add(foreign);
        }, CancellationToken.None);
        await Platform.WaitForEchoAsync($"https://{ShopHost}/", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null) await Platform.DisposeAsync();
    }
}
