using System.Net;

namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>What the platform knows of one pod at one moment: identity, address, ports and health.</summary>
/// <param name="Namespace">The Kubernetes namespace.</param>
/// <param name="Name">The pod name, <c>&lt;deployment&gt;-&lt;template hash&gt;-&lt;5 chars&gt;</c>.</param>
/// <param name="Deployment">The owning Deployment's name.</param>
/// <param name="TemplateHash">The hash of the pod template it was made from (label pod-template-hash).</param>
/// <param name="Labels">The template's labels plus pod-template-hash.</param>
/// <param name="Address">The pod IP (a 127.244.x.y address on the namespace's loopback, or the node address under host-network); null while Pending.</param>
/// <param name="Ports">The container ports it listens on.</param>
/// <param name="TlsPort">The port where it terminates TLS itself (tls-passthrough fault only).</param>
/// <param name="Phase">Pending, Running or Failed.</param>
/// <param name="Ready">True once it answered HTTP.</param>
/// <param name="HostNetwork">True when it runs in the node's network (host-network fault).</param>
/// <param name="Created">When the platform created it.</param>
/// <param name="Message">Why it is Pending or Failed.</param>
public sealed record PodState(
    string Namespace,
    string Name,
    string Deployment,
    string TemplateHash,
    IReadOnlyDictionary<string, string> Labels,
    IPAddress? Address,
    IReadOnlyList<PodPort> Ports,
    int? TlsPort,
    PodPhase Phase,
    bool Ready,
    bool HostNetwork,
    DateTimeOffset Created,
    string? Message)
{
    /// <summary>True when every label of <paramref name="selector"/> is on the pod with the same value.</summary>
    public bool Matches(IDictionary<string, string>? selector) =>
        selector is { Count: > 0 } && selector.All(pair => Labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>The container port with this name, if any.</summary>
    public int? PortNamed(string name) => Ports.FirstOrDefault(p => p.Name == name)?.Number;
}
