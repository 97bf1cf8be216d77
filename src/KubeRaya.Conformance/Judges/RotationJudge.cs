using System.Globalization;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-CERT-07: after the Secret is replaced, the new leaf is served within the limit (60 s by default) and the
/// continuous probe running through the change sees no failed request. A request that the server refused gracefully
/// before processing it (an HTTP/2 GOAWAY naming an earlier last stream) is sent once more on a new connection, as every
/// HTTP/2 client does, and fails only if that fails too; the observation says how many were. A probe too sparse to be continuous (fewer
/// than <c>minimumProbes</c> requests), one that stopped watching before the limit without seeing the new leaf, or
/// a "rotation" to the same certificate leaves the control undecided.
/// </summary>
public static class RotationJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-CERT-07";

    /// <summary>The default limit for the new certificate to be served.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    /// <summary>The fewest probe requests that make a continuous probe.</summary>
    public const int MinimumProbes = 5;

    /// <summary>Judges one rotation.</summary>
    public static Verdict Judge(string host, RotationEvidence evidence, TimeSpan? limit = null, int minimumProbes = MinimumProbes)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var bound = limit ?? DefaultLimit;
        var expected = $"the new certificate is served within {EvidenceText.Seconds(bound)} of the Secret's replacement and no request of the continuous probe fails";
        var findings = new Findings();
        if (!HostNameMatcher.SameName(evidence.Host, host))
        {
            findings.Undecided($"the rotation evidence is about {evidence.Host}, not {host}");
        }
        if (Fingerprint.Normalise(evidence.OldFingerprint) is not { } old || Fingerprint.Normalise(evidence.NewFingerprint) is not { } fresh || old == fresh)
        {
            findings.Undecided($"old {EvidenceText.Quote(evidence.OldFingerprint)} and new {EvidenceText.Quote(evidence.NewFingerprint)} are not two different SHA-256 fingerprints");
        }
        if (evidence.NewServedAfter is not { } servedAfter)
        {
            if (evidence.ObservedFor >= bound)
            {
                findings.Fail($"the new certificate was not served in {EvidenceText.Seconds(evidence.ObservedFor)} of watching");
            }
            else
            {
                findings.Undecided($"the probe watched only {EvidenceText.Seconds(evidence.ObservedFor)} and did not see the new certificate");
            }
        }
        else if (servedAfter > bound)
        {
            findings.Fail($"the new certificate was served only after {EvidenceText.Seconds(servedAfter)}");
        }
        if (evidence.Failures.Count > 0)
        {
            var shown = evidence.Failures.Take(5).Select(f => $"at {EvidenceText.Seconds(f.At)}: {f.Reason}");
            findings.Fail($"{Count(evidence.Failures.Count)} of {Count(evidence.ProbeCount)} probe requests failed ({string.Join("; ", shown)}{(evidence.Failures.Count > 5 ? "; …" : "")})");
        }
        if (evidence.ProbeCount < minimumProbes || evidence.ProbeCount < evidence.Failures.Count)
        {
            findings.Undecided($"{Count(evidence.ProbeCount)} probe requests with {Count(evidence.Failures.Count)} failures is not a continuous probe of at least {Count(minimumProbes)} requests");
        }
        var observed = $"new certificate served after {(evidence.NewServedAfter is { } after ? EvidenceText.Seconds(after) : "never")}; "
            + $"{Count(evidence.ProbeCount)} probe requests, {Count(evidence.Failures.Count)} failed"
            + (evidence.RefusedAndSentAgain.Count == 0 ? "" : $" ({Count(evidence.RefusedAndSentAgain.Count)} refused gracefully before processing and sent once more on a new connection, as HTTP/2 clients do: {string.Join("; ", evidence.RefusedAndSentAgain.Take(3).Select(r => $"at {EvidenceText.Seconds(r.At)}: {r.Reason}"))})");
        return findings.Conclude(ControlId, host, expected, observed);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
