using KubeRaya.Conformance.Pki;

namespace KubeRaya.Conformance.Workloads;

/// <summary>A sample app running in the cluster: its spec, its certificate and where the ingress serves it.</summary>
/// <param name="Spec">What was deployed.</param>
/// <param name="Certificate">The certificate in its TLS Secret (with key, in memory only).</param>
/// <param name="IngressAddress">The address from the Ingress status (or the override).</param>
public sealed record DeployedApp(SampleAppSpec Spec, IssuedCertificate Certificate, string IngressAddress);
