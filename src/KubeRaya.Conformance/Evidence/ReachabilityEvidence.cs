namespace KubeRaya.Conformance.Evidence;

/// <summary>One TCP connect from the harness to a backend address that must stay private.</summary>
/// <param name="Address">The address tried (a pod IP or a ClusterIP).</param>
/// <param name="Port">The TCP port tried.</param>
/// <param name="Connected">True when the TCP handshake completed.</param>
/// <param name="Detail">What happened, e.g. "connection refused", "timed out after 3 s", "connected".</param>
public sealed record ReachabilityEvidence(string Address, int Port, bool Connected, string Detail)
{
    /// <summary>What the address belongs to, e.g. "pod echo-7f9c" or "ClusterIP echo".</summary>
    public string? Target { get; init; }
}
