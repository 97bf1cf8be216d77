using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Bench;

/// <summary>
/// Writes a synthetic estate of applications as manifests: per application an Ingress with TLS, its ClusterIP
/// Service and its kubernetes.io/tls Secret, one file per application, one directory per namespace. Certificates are
/// a few shared ones (RSA 2048 leaf for *.bench.example.test plus its issuer, as a real chain would be). tls.key holds
/// random bytes of a key's size, never a key: the audit drops it unread, and nothing secret is written.
/// </summary>
internal static class SyntheticEstate
{
    public const string Domain = "bench.example.test";

    public static void Write(string directory, int applications, int namespaces)
    {
        var chains = Enumerable.Range(0, 4).Select(_ => Chain()).ToList();
        var placeholderKey = new byte[1704];
        RandomNumberGenerator.Fill(placeholderKey);
        for (var i = 0; i < applications; i++)
        {
            var ns = $"team-{i % namespaces:D3}";
            var name = $"app-{i:D5}";
            var folder = Path.Combine(directory, ns);
            Directory.CreateDirectory(folder);
            var documents = new object[]
            {
                Ingress(ns, name),
                Service(ns, name),
                Secret(ns, name, chains[i % chains.Count], placeholderKey),
            };
            File.WriteAllText(Path.Combine(folder, $"{name}.yaml"), string.Join("\n---\n", documents.Select(KubernetesYaml.Serialize)) + "\n");
        }
    }

    private static V1Ingress Ingress(string ns, string name) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "Ingress",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name, ["app.kubernetes.io/part-of"] = ns },
            Annotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/proxy-body-size"] = "8m" },
        },
        Spec = new V1IngressSpec
        {
            IngressClassName = "nginx",
            Tls = [new V1IngressTLS { Hosts = [$"{name}.{Domain}"], SecretName = $"{name}-tls" }],
            Rules =
            [
                new V1IngressRule
                {
                    Host = $"{name}.{Domain}",
                    Http = new V1HTTPIngressRuleValue { Paths = [Route("/", name, 80), Route("/api", name, 8081)] },
                },
            ],
        },
    };

    private static V1HTTPIngressPath Route(string path, string service, int port) => new()
    {
        Path = path,
        PathType = "Prefix",
        Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = port } } },
    };

    private static V1Service Service(string ns, string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name } },
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name },
            Ports =
            [
                new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080, Protocol = "TCP" },
                new V1ServicePort { Name = "api", Port = 8081, TargetPort = 8081, Protocol = "TCP" },
            ],
        },
    };

    private static V1Secret Secret(string ns, string name, string chain, byte[] placeholderKey) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = $"{name}-tls", NamespaceProperty = ns },
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes(chain), ["tls.key"] = placeholderKey },
    };

    /// <summary>A leaf for *.bench.example.test and its issuing CA, PEM, leaf first.</summary>
    private static string Chain()
    {
        var now = DateTimeOffset.UtcNow;
        using var issuerKey = RSA.Create(2048);
        var issuerRequest = new CertificateRequest("CN=Bench Issuing CA", issuerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        issuerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var issuer = issuerRequest.CreateSelfSigned(now.AddDays(-30), now.AddDays(365));

        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest($"CN=*.{Domain}", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName($"*.{Domain}");
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var leaf = leafRequest.Create(issuer, now.AddDays(-1), now.AddDays(89), serial);
        return leaf.ExportCertificatePem() + "\n" + issuer.ExportCertificatePem() + "\n";
    }
}
