using System.Net;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>A TCP proxy of the stream block: a ClusterIP:port or a node port forwarded to a Service's endpoints (the tiny kube-proxy).</summary>
/// <param name="Listen">Where it listens inside the namespace.</param>
/// <param name="Upstream">Where it forwards.</param>
/// <param name="Origin">The Service, <c>namespace/name</c>, and what kind of address this is.</param>
public sealed record StreamProxy(IPEndPoint Listen, Upstream Upstream, string Origin);
