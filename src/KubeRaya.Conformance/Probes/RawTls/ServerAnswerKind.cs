namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>What came back for a raw ClientHello, before any judgement of whether it means acceptance.</summary>
public enum ServerAnswerKind
{
    /// <summary>A ServerHello (possibly after warning alerts).</summary>
    ServerHello,

    /// <summary>A fatal alert, or a close_notify.</summary>
    Alert,

    /// <summary>The connection was closed or reset before any byte came back.</summary>
    Closed,

    /// <summary>No byte came back within the raw-hello timeout.</summary>
    NoAnswer,

    /// <summary>Bytes came back that are not a TLS answer: not TLS records, a truncated or oversized record, or another message.</summary>
    Unintelligible,
}
