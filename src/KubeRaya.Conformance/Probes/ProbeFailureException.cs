namespace KubeRaya.Conformance.Probes;

/// <summary>
/// A network problem already put into one sentence for the evidence. Thrown between the probe's own
/// steps and caught by the probe, which records the sentence; it never leaves a probe.
/// </summary>
internal sealed class ProbeFailureException : Exception
{
    public ProbeFailureException(string sentence, Exception? inner = null) : base(sentence, inner)
    {
    }

    /// <summary>Set when the server refused the request gracefully before processing it (an HTTP/2 GOAWAY naming an
    /// earlier last stream): what a client answers by sending the request again on a new connection.</summary>
    public string? GracefulRefusal { get; init; }
}
