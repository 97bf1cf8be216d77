using System.Text;
using k8s.Models;
using KubeRaya.Conformance.Reference.Controller;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>Kubernetes objects for the tests, and a mutable set of them that becomes a snapshot.</summary>
internal sealed class SampleCluster
{
    public const string Namespace = "shop";

    public List<V1Deployment> Deployments { get; } = [];

    public List<V1Service> Services { get; } = [];

    public List<V1Ingress> Ingresses { get; } = [];

    public List<V1IngressClass> IngressClasses { get; } = [DefaultClass()];

    public List<V1Secret> Secrets { get; } = [];

    public ClusterSnapshot Snapshot() => new([.. Deployments], [.. Services], [.. Ingresses], [.. IngressClasses], [.. Secrets]);

    public static V1IngressClass DefaultClass() => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "kuberaya-nginx",
            Annotations = new Dictionary<string, string> { ["ingressclass.kubernetes.io/is-default-class"] = "true" },
        },
        Spec = new V1IngressClassSpec { Controller = "kuberaya.io/reference-nginx" },
    };

    public static V1Deployment Deployment(string name, int replicas = 1) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Generation = 1 },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec
                {
                    Containers =
                    [
                        new V1Container
                        {
                            Name = "echo",
                            Image = "gcr.io/k8s-staging-gateway-api/echo-basic:v20231214-v1.0.0-140-gf544a46e",
                            Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                        },
                    ],
                },
            },
        },
    };

    public static V1Service Service(string name, string app, string clusterIp, string? type = null, int? nodePort = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new V1ServiceSpec
        {
            Type = type ?? "ClusterIP",
            ClusterIP = clusterIp,
            Selector = new Dictionary<string, string> { ["app"] = app },
            Ports = [new V1ServicePort { Name = "web", Port = 80, TargetPort = "http", Protocol = "TCP", NodePort = nodePort }],
        },
    };

    public static V1Ingress Ingress(string name, string host, string service, string? tlsSecret, IReadOnlyList<(string Type, string Path)>? paths = null, IDictionary<string, string>? annotations = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            CreationTimestamp = DateTime.UtcNow,
            Annotations = annotations is null ? null : new Dictionary<string, string>(annotations),
        },
        Spec = new V1IngressSpec
        {
            Tls = tlsSecret is null ? null : [new V1IngressTLS { Hosts = [host], SecretName = tlsSecret }],
            Rules =
            [
                new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths = [.. (paths ?? [("Prefix", "/")]).Select(p => new V1HTTPIngressPath
                        {
                            Path = p.Path,
                            PathType = p.Type,
                            Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = 80 } } },
                        })],
                    },
                },
            ],
        },
    };

    public static V1Secret TlsSecret(string name, string chainPem, string keyPem) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes(chainPem), ["tls.key"] = Encoding.UTF8.GetBytes(keyPem) },
    };

    public static V1Secret AuthSecret(string name, string htpasswd) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Type = "Opaque",
        Data = new Dictionary<string, byte[]> { ["auth"] = Encoding.UTF8.GetBytes(htpasswd) },
    };

    public static string RandomHost(string label) => $"{label}.{Guid.NewGuid().ToString("N")[..8]}.kuberaya.test";
}
