using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>KR-TLS-01 on the wire: a handshake presenting the host as SNI completes and an HTTP response comes back
/// over it. Any status counts: what the status says is for other controls.</summary>
public static class HttpsServedJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-TLS-01";

    /// <summary>Judges one handshake with SNI = host on the HTTPS port.</summary>
    public static Verdict Judge(TlsHandshakeEvidence handshake)
    {
        ArgumentNullException.ThrowIfNull(handshake);
        var host = handshake.Host;
        var expected = $"TLS handshake with SNI {host} on {handshake.Address}:{handshake.Port} completes and an HTTP response comes back";
        if (!HostNameMatcher.SameName(handshake.Sni, host))
        {
            return Verdict.Undecided(ControlId, host, expected,
                $"the handshake presented SNI {EvidenceText.Quote(handshake.Sni)}, not {host}: it says nothing about this host");
        }
        if (!handshake.Completed)
        {
            return Verdict.Fail(ControlId, host, expected, $"handshake failed: {handshake.Failure ?? "no reason recorded"}");
        }
        if (handshake.HttpStatus is not int status)
        {
            return Verdict.Fail(ControlId, host, expected,
                $"handshake completed ({handshake.Protocol}) but no HTTP response came back: {handshake.Failure ?? "no reason recorded"}");
        }
        return Verdict.Pass(ControlId, host, expected, $"handshake completed ({handshake.Protocol}, {handshake.CipherSuite}); HTTP status {status}");
    }
}
