namespace KubeRaya.Conformance.Polling;

/// <summary>A timeout with a name, so that a failure can say which bound was hit.</summary>
/// <param name="Name">e.g. "connect", "handshake", "ingress-ready".</param>
/// <param name="Value">How long.</param>
public sealed record NamedTimeout(string Name, TimeSpan Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} timeout ({Value.TotalSeconds:0.#} s)";
}
