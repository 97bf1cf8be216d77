using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// The shared decision of the extended handshake features (TLS 1.3, ALPN h2): supported when the attempt completed
/// with the feature; unsupported (skipped) when it completed without it, or failed while a reference handshake to the
/// same host without the feature completed; undecided when neither completed, since an outage is not a missing feature.
/// </summary>
internal static class HandshakeFeature
{
    /// <summary>Decides one feature; <paramref name="absence"/> says how a completed handshake lacks it, or null when it has it.</summary>
    public static Verdict Judge(string control, string host, string expected, TlsHandshakeEvidence attempt, TlsHandshakeEvidence? reference,
        Func<TlsHandshakeEvidence, string?> absence)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (!HostNameMatcher.SameName(attempt.Host, host) || (reference is not null && !HostNameMatcher.SameName(reference.Host, host)))
        {
            return Verdict.Undecided(control, host, expected, $"the handshakes were made to {attempt.Host}{(reference is null ? "" : $" and {reference.Host}")}, not {host}");
        }
        if (attempt.Completed)
        {
            return absence(attempt) is { } missing
                ? Verdict.Skip(control, host, expected, $"unsupported: {missing}")
                : Verdict.Pass(control, host, expected, $"handshake completed with {attempt.Protocol}, {attempt.CipherSuite}, ALPN {attempt.Alpn ?? "none"}");
        }
        var failure = attempt.Failure ?? "no reason recorded";
        return reference is { Completed: true }
            ? Verdict.Skip(control, host, expected, $"unsupported: the handshake failed ({failure}) while one without the feature completed with {reference.Protocol}, ALPN {reference.Alpn ?? "none"}")
            : Verdict.Undecided(control, host, expected, $"the handshake failed ({failure}) and no reference handshake completed, so a missing feature cannot be told from an outage");
    }
}
