using k8s;
using k8s.Models;
using KubeRaya.Conformance.Workloads;

namespace KubeRaya.Conformance.Calibration;

/// <summary>
/// CALIBRATION ONLY. The typed extra objects the object faults put beside a sample app, labelled with the run like
/// every object the harness creates, so that clean-up removes them with the app's namespace.
/// </summary>
public static class FaultManifests
{
    /// <summary>A ConfigMap in the app's namespace whose <c>tls.crt</c> key holds a PEM certificate chain.</summary>
    public static V1ConfigMap CertificateConfigMap(SampleAppSpec spec, string runId, string name, string chainPem)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = spec.Namespace, Labels = RunLabels.For(runId) },
            Data = new Dictionary<string, string> { ["tls.crt"] = chainPem },
        }.Initialize();
    }

    /// <summary>
    /// An Ingress in the app's namespace routing <paramref name="host"/>, path / (Prefix), to the app's Service; with a
    /// tls entry for that host naming <paramref name="tlsSecretName"/>, or none when it is null.
    /// </summary>
    public static V1Ingress ExtraIngress(SampleAppSpec spec, string runId, string name, string host, string? tlsSecretName)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new V1Ingress
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = spec.Namespace, Labels = RunLabels.For(runId) },
            Spec = new V1IngressSpec
            {
                IngressClassName = spec.IngressClass,
                Tls = tlsSecretName is null ? null : [new V1IngressTLS { Hosts = [host], SecretName = tlsSecretName }],
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
                                    Backend = new V1IngressBackend
                                    {
                                        Service = new V1IngressServiceBackend { Name = spec.Name, Port = new V1ServiceBackendPort { Number = spec.ServicePort } },
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        }.Initialize();
    }
}
