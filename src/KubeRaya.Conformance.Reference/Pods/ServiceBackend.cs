using System.Net;

namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>One port of one Service resolved to the pods behind it: what nginx proxies to.</summary>
/// <param name="Namespace">The Service's namespace.</param>
/// <param name="Service">The Service's name.</param>
/// <param name="ServicePort">The Service port number.</param>
/// <param name="Ready">The ready endpoints (pod IP and resolved target port).</param>
/// <param name="PassthroughTls">The endpoints where the pods terminate TLS themselves (tls-passthrough fault; else empty).</param>
public sealed record ServiceBackend(string Namespace, string Service, int ServicePort, IReadOnlyList<IPEndPoint> Ready, IReadOnlyList<IPEndPoint> PassthroughTls);
