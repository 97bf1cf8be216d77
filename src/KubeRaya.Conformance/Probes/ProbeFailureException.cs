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
}
