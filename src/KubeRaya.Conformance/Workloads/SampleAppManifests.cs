using System.Text;
using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Workloads;

/// <summary>The typed Kubernetes objects of a sample app, labelled with the run; built, never templated from strings.</summary>
public static class SampleAppManifests
{
    /// <summary>The app's namespace.</summary>
    public static V1Namespace Namespace(SampleAppSpec spec, string runId) =>
        new V1Namespace { Metadata = Meta(spec.Namespace, null, runId) }.Initialize();

    /// <summary>The Secret (of the spec's type, kubernetes.io/tls) holding the certificate chain and key (PEM).</summary>
    public static V1Secret TlsSecret(SampleAppSpec spec, string runId, string chainPem, string keyPem) =>
        new V1Secret
        {
            Metadata = Meta(spec.TlsSecretName, spec.Namespace, runId),
            Type = spec.TlsSecretType,
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.ASCII.GetBytes(chainPem),
                ["tls.key"] = Encoding.ASCII.GetBytes(keyPem),
            },
        }.Initialize();

    /// <summary>An Opaque Secret with the given string data.</summary>
    public static V1Secret OpaqueSecret(SampleAppSpec spec, string runId, string name, IReadOnlyDictionary<string, string> data) =>
        new V1Secret
        {
            Metadata = Meta(name, spec.Namespace, runId),
            Type = "Opaque",
            Data = data.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value)),
        }.Initialize();

    /// <summary>The echo Deployment.</summary>
    public static V1Deployment Deployment(SampleAppSpec spec, string runId)
    {
        var podLabels = new Dictionary<string, string>(RunLabels.For(runId)) { ["app"] = spec.Name };
        return new V1Deployment
        {
            Metadata = Meta(spec.Name, spec.Namespace, runId),
            Spec = new V1DeploymentSpec
            {
                Replicas = spec.Replicas,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = spec.Name } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = podLabels },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "echo",
                                Image = spec.Image,
                                Ports = [new V1ContainerPort { ContainerPort = spec.ContainerPort, Name = "http" }],
                                Env =
                                [
                                    new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
                                    new V1EnvVar { Name = "NAMESPACE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.namespace" } } },
                                    // The port the echo listens on (echo-basic reads HTTP_PORT; the reference's echo is told by the container port).
                                    new V1EnvVar { Name = "HTTP_PORT", Value = spec.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                                ],
                                ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/", Port = spec.ContainerPort } },
                            },
                        ],
                    },
                },
            },
        }.Initialize();
    }

    /// <summary>The ClusterIP Service in front of the pods.</summary>
    public static V1Service Service(SampleAppSpec spec, string runId) =>
        new V1Service
        {
            Metadata = Meta(spec.Name, spec.Namespace, runId),
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = new Dictionary<string, string> { ["app"] = spec.Name },
                Ports = [new V1ServicePort { Name = "http", Port = spec.ServicePort, TargetPort = spec.ContainerPort, Protocol = "TCP" }],
            },
        }.Initialize();

    /// <summary>The Ingress: every host in one tls entry naming the Secret, every declared path to the Service.</summary>
    public static V1Ingress Ingress(SampleAppSpec spec, string runId)
    {
        var metadata = Meta(spec.Name, spec.Namespace, runId);
        metadata.Annotations = spec.IngressAnnotations.Count == 0 ? null : new Dictionary<string, string>(spec.IngressAnnotations);
        return new V1Ingress
        {
            Metadata = metadata,
            Spec = new V1IngressSpec
            {
                IngressClassName = spec.IngressClass,
                Tls = [new V1IngressTLS { Hosts = spec.Hosts.ToList(), SecretName = spec.TlsSecretName }],
                Rules = spec.Hosts.Select(host => new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths = spec.Paths.Select(p => new V1HTTPIngressPath
                        {
                            Path = p.Path,
                            PathType = p.PathType,
                            Backend = new V1IngressBackend
                            {
                                Service = new V1IngressServiceBackend { Name = spec.Name, Port = new V1ServiceBackendPort { Number = spec.ServicePort } },
                            },
                        }).ToList(),
                    },
                }).ToList(),
            },
        }.Initialize();
    }

    private static V1ObjectMeta Meta(string name, string? ns, string runId) =>
        new() { Name = name, NamespaceProperty = ns, Labels = RunLabels.For(runId) };
}
