namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>The server's answer to one raw ClientHello, as read off the wire.</summary>
public sealed record ServerAnswer
{
    /// <summary>What kind of answer it was.</summary>
    public required ServerAnswerKind Kind { get; init; }

    /// <summary>The ServerHello, when <see cref="Kind"/> is <see cref="ServerAnswerKind.ServerHello"/>.</summary>
    public ServerHello? Hello { get; init; }

    /// <summary>The alert that ended the handshake, when <see cref="Kind"/> is <see cref="ServerAnswerKind.Alert"/>.</summary>
    public TlsAlert? Alert { get; init; }

    /// <summary>Warning alerts that came before the answer (e.g. unrecognized_name), in order.</summary>
    public IReadOnlyList<TlsAlert> Warnings { get; init; } = [];

    /// <summary>How many bytes came back in all.</summary>
    public int BytesReceived { get; init; }

    /// <summary>What came back, in words, e.g. "3 bytes, then the connection closed mid-record: 15 03 01".</summary>
    public required string Detail { get; init; }
}
