using System.Text;
using k8s.Models;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>Typed Kubernetes objects for judge and reader tests, shaped as a cluster returns them.</summary>
public static class AuditObjects
{
    /// <summary>An Ingress routing one host's "/" to a Service, with TLS for the host when a Secret is named.</summary>
    public static V1Ingress Ingress(string namespaceName, string name, string host, string service, string? secret = null) => new()
    {
        Metadata = Meta(namespaceName, name),
        Spec = new V1IngressSpec
        {
            Tls = secret is null ? null : [new V1IngressTLS { Hosts = [host], SecretName = secret }],
            Rules =
            [
                new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = 80 } } },
                            },
                        ],
                    },
                },
            ],
        },
    };

    /// <summary>A Service selecting pods by labels.</summary>
    public static V1Service Service(string namespaceName, string name, string type, params (string Key, string Value)[] selector) => new()
    {
        Metadata = Meta(namespaceName, name),
        Spec = new V1ServiceSpec
        {
            Type = type,
            Selector = selector.ToDictionary(s => s.Key, s => s.Value),
            Ports = [new V1ServicePort { Port = 80 }],
        },
    };

    /// <summary>A Deployment whose pods carry the labels.</summary>
    public static V1Deployment Deployment(string namespaceName, string name, params (string Key, string Value)[] labels) => new()
    {
        Metadata = Meta(namespaceName, name),
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector { MatchLabels = labels.ToDictionary(l => l.Key, l => l.Value) },
            Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = labels.ToDictionary(l => l.Key, l => l.Value) }, Spec = PodSpec(hostNetwork: false) },
        },
    };

    /// <summary>A Pod, optionally on the host network and owned by a controller.</summary>
    public static V1Pod Pod(string namespaceName, string name, bool hostNetwork, string? controllerKind = null)
    {
        var meta = Meta(namespaceName, name);
        if (controllerKind is not null)
        {
            meta.OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = controllerKind, Name = "owner", Uid = "u-1", Controller = true }];
        }
        return new V1Pod { Metadata = meta, Spec = PodSpec(hostNetwork) };
    }

    /// <summary>A ConfigMap with one value.</summary>
    public static V1ConfigMap ConfigMap(string namespaceName, string name, string key, string value) => new()
    {
        Metadata = Meta(namespaceName, name),
        Data = new Dictionary<string, string> { [key] = value },
    };

    /// <summary>A <c>kubernetes.io/tls</c> Secret holding a fresh certificate of the profile for the hosts.</summary>
    public static V1Secret TlsSecret(string namespaceName, string name, string profile, DateTimeOffset now, params string[] hosts) =>
        TlsSecret(namespaceName, name, FixtureCertificates.Leaf(profile, hosts, now).CertificatePem);

    /// <summary>A <c>kubernetes.io/tls</c> Secret whose tls.crt holds the given text.</summary>
    public static V1Secret TlsSecret(string namespaceName, string name, string certificate) => new()
    {
        Metadata = Meta(namespaceName, name),
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes(certificate), ["tls.key"] = [] },
    };

    private static V1ObjectMeta Meta(string namespaceName, string name) => new() { Name = name, NamespaceProperty = namespaceName };

    private static V1PodSpec PodSpec(bool hostNetwork) => new()
    {
        HostNetwork = hostNetwork ? true : null,
        Containers = [new V1Container { Name = "app", Image = "registry.example.test/app:1.0.0" }],
    };
}
