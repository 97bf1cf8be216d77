using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>KR-EXT-02 (extended): a handshake offering ALPN h2 gets h2 selected. A server without HTTP/2 is reported
/// as unsupported (skipped), never failed.</summary>
public static class Http2Judge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-EXT-02";

    /// <summary>Judges a handshake offering ALPN h2 (alone or with http/1.1).</summary>
    /// <param name="host">The host judged.</param>
    /// <param name="attempt">The handshake that offered h2.</param>
    /// <param name="reference">A handshake to the same host without h2, telling a refusal of h2 from an outage
    /// when the attempt failed.</param>
    public static Verdict Judge(string host, TlsHandshakeEvidence attempt, TlsHandshakeEvidence? reference = null) =>
        HandshakeFeature.Judge(ControlId, host, "a handshake offering ALPN h2 gets h2 selected", attempt, reference,
            h => h.Alpn == "h2" ? null : h.Alpn is null ? "no ALPN protocol was selected although h2 was offered" : $"ALPN selected {h.Alpn} although h2 was offered");
}
