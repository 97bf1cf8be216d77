using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>
/// Turns what came back for a raw ClientHello into evidence, deciding whether the offer was accepted.
/// A ServerHello is an acceptance only when it agrees to something the offer allowed: a version at or below the
/// one offered (TLS lets a server choose lower, and every version below TLS 1.2 is itself legacy) and one of the
/// offered suites with null compression. A ServerHello for a higher version than offered is not an acceptance: no
/// client at the offered version can continue from it (e.g. a TLS 1.2 answer to a TLS 1.0 hello). A ServerHello
/// choosing something never offered is a protocol violation and recorded as unintelligible, never as a refusal.
/// </summary>
public static class LegacyAnswerClassifier
{
    /// <summary>The evidence for one offer and its answer.</summary>
    public static LegacyHandshakeEvidence Classify(LegacyOffer offer, ServerAnswer answer, string address, int port)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        var evidence = Evidence(offer, address, port, LegacyHandshakeResult.Unintelligible, "");
        var what = offer.Description;
        return answer.Kind switch
        {
            ServerAnswerKind.ServerHello when answer.Hello is { } hello => FromServerHello(evidence, offer, hello, answer.Warnings),
            ServerAnswerKind.Alert when answer.Alert is { } alert => evidence with
            {
                Result = LegacyHandshakeResult.Refused,
                Alert = alert.DescriptionName,
                Detail = $"The server refused the {what}: {answer.Detail}.",
            },
            ServerAnswerKind.Closed => evidence with
            {
                Result = LegacyHandshakeResult.Closed,
                Detail = $"The server closed the connection without answering the {what}: {answer.Detail}.",
            },
            ServerAnswerKind.NoAnswer => evidence with
            {
                Result = LegacyHandshakeResult.NoAnswer,
                Detail = $"The server did not answer the {what}: {answer.Detail}.",
            },
            _ => evidence with { Detail = $"The answer to the {what} was not a TLS answer: {answer.Detail}." },
        };
    }

    /// <summary>The evidence when no TCP connection could be made for the offer.</summary>
    public static LegacyHandshakeEvidence ConnectionFailed(LegacyOffer offer, string address, int port, string reason)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return Evidence(offer, address, port, LegacyHandshakeResult.Unintelligible, $"The {offer.Description} was never sent: {reason}.");
    }

    private static LegacyHandshakeEvidence FromServerHello(LegacyHandshakeEvidence evidence, LegacyOffer offer, ServerHello hello, IReadOnlyList<TlsAlert> warnings)
    {
        var offered = offer.Hello.Version;
        var suite = hello.CipherSuiteName;
        var after = warnings.Count == 0 ? "" : $" (after {string.Join(", ", warnings)})";
        var answered = $"a ServerHello for {hello.Version} choosing {suite}{after}";
        evidence = evidence with { NegotiatedVersion = hello.Version.Name, NegotiatedSuite = suite };
        if (hello.Version > offered)
            return evidence with
            {
                Result = LegacyHandshakeResult.Refused,
                Detail = $"The server did not accept the {offer.Description}: it answered with {answered}, above the {offered} offered, which no {offered} client can continue from.",
            };
        if (!offer.Hello.Suites.Any(s => s.Code == hello.CipherSuite) || hello.Compression != TlsWire.CompressionNull)
            return evidence with
            {
                Detail = $"The server answered the {offer.Description} with {answered} and compression method {hello.Compression}, which it was not offered (only the listed suites and null compression were): a protocol violation, neither an acceptance nor a refusal.",
            };
        var lower = hello.Version < offered ? $", below the {offered} offered, which TLS lets a server choose" : "";
        return evidence with
        {
            Result = LegacyHandshakeResult.Accepted,
            Detail = $"The server accepted the {offer.Description}: it answered with {answered}{lower}.",
        };
    }

    private static LegacyHandshakeEvidence Evidence(LegacyOffer offer, string address, int port, LegacyHandshakeResult result, string detail) => new()
    {
        Host = offer.Hello.ServerName ?? "",
        Address = address,
        Port = port,
        OfferedVersion = offer.Hello.Version.Name,
        Purpose = offer.Purpose,
        OfferedSuites = offer.Hello.SuiteNames,
        Result = result,
        Detail = detail,
    };
}
