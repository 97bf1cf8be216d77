using k8s.Models;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// The desired state the data plane acts on: every object of these kinds in every namespace, as the API server
/// stores them (status included; the data plane reads only spec and metadata). Pods and Endpoints are not part of
/// it: the data plane makes them and reports them through <see cref="IClusterStateSink"/>.
/// </summary>
/// <param name="Deployments">Deployments: each becomes <c>spec.replicas</c> echo processes.</param>
/// <param name="Services">Services: their selectors pick pods; ClusterIPs (127.96.0.0/16) are proxied inside the namespace.</param>
/// <param name="Ingresses">Ingresses: rendered into nginx when of this controller's class.</param>
/// <param name="IngressClasses">IngressClasses: decide whether class-less Ingresses are this controller's.</param>
/// <param name="Secrets">Secrets: TLS certificates (tls.crt, tls.key) and basic-auth files (auth).</param>
public sealed record ClusterSnapshot(
    IReadOnlyList<V1Deployment> Deployments,
    IReadOnlyList<V1Service> Services,
    IReadOnlyList<V1Ingress> Ingresses,
    IReadOnlyList<V1IngressClass> IngressClasses,
    IReadOnlyList<V1Secret> Secrets)
{
    /// <summary>An empty cluster.</summary>
    public static ClusterSnapshot Empty { get; } = new([], [], [], [], []);
}
