using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>KR-EXT-01 (extended): a handshake offering TLS 1.3 negotiates it. A server without TLS 1.3 is reported
/// as unsupported (skipped), never failed.</summary>
public static class Tls13Judge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-EXT-01";

    /// <summary>Judges a handshake offering TLS 1.3 (alone or with TLS 1.2).</summary>
    /// <param name="host">The host judged.</param>
    /// <param name="attempt">The handshake that offered TLS 1.3.</param>
    /// <param name="reference">A handshake to the same host without TLS 1.3, telling a refusal of 1.3 from an outage
    /// when the attempt failed.</param>
    public static Verdict Judge(string host, TlsHandshakeEvidence attempt, TlsHandshakeEvidence? reference = null) =>
        HandshakeFeature.Judge(ControlId, host, "a handshake offering TLS 1.3 negotiates TLS1.3", attempt, reference,
            h => ProtocolName.Canonical(h.Protocol) == ProtocolName.Tls13 ? null : $"the server negotiated {h.Protocol ?? "an unrecorded protocol"} although TLS 1.3 was offered");
}
