using System.Globalization;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-EXT-04 (extended): once a bounded burst exceeds an Ingress's request limit, some request gets 429 or 503.
/// The burst must exceed the limit and its first request must succeed (2xx): a 503 from an application that was
/// never up is an outage, not a limit. A burst that is never limited means the platform does not support it:
/// skipped, "unsupported".
/// </summary>
public static class RateLimitJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-EXT-04";

    /// <summary>Judges the responses of one burst, in the order sent.</summary>
    public static Verdict Judge(string host, IReadOnlyList<HttpExchangeEvidence> burst, int limit)
    {
        ArgumentNullException.ThrowIfNull(burst);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var expected = $"a burst of more than {limit.ToString(CultureInfo.InvariantCulture)} requests gets 429 or 503 after the first ones succeed";
        var observed = Tally(burst);
        if (burst.Count <= limit)
        {
            return Verdict.Undecided(ControlId, host, expected, $"the burst of {burst.Count.ToString(CultureInfo.InvariantCulture)} requests does not exceed the limit ({observed})");
        }
        if (burst[0].Status is not (>= 200 and < 300))
        {
            return Verdict.Undecided(ControlId, host, expected, $"the first request got {EvidenceText.Exchange(burst[0])}, so a limit cannot be told from an outage ({observed})");
        }
        var limited = burst.Select((exchange, index) => (exchange, index)).FirstOrDefault(e => e.exchange.Status is 429 or 503);
        return limited.exchange is null
            ? Verdict.Skip(ControlId, host, expected, $"unsupported: no request was limited ({observed})")
            : Verdict.Pass(ControlId, host, expected, $"request {(limited.index + 1).ToString(CultureInfo.InvariantCulture)} got {limited.exchange.Status} ({observed})");
    }

    /// <summary>e.g. "200×10, 429×5, no response×1".</summary>
    private static string Tally(IReadOnlyList<HttpExchangeEvidence> burst) =>
        burst.Count == 0
            ? "no requests"
            : string.Join(", ", burst.GroupBy(e => e.Status?.ToString(CultureInfo.InvariantCulture) ?? "no response")
                .Select(g => $"{g.Key}×{g.Count().ToString(CultureInfo.InvariantCulture)}"));
}
