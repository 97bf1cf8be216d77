using System.Globalization;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>How judges put evidence into words for the Observed column: concrete values, never "wrong".</summary>
internal static class EvidenceText
{
    /// <summary>"[a, b]", or "none".</summary>
    public static string List(IEnumerable<string> values)
    {
        var items = values.ToList();
        return items.Count == 0 ? "none" : "[" + string.Join(", ", items) + "]";
    }

    /// <summary>"308 with Location https://…", "404", or "no response (reason)".</summary>
    public static string Exchange(HttpExchangeEvidence exchange)
    {
        if (exchange.Status is not int status)
        {
            return $"no response ({exchange.Failure ?? "no reason recorded"})";
        }
        var locations = Values(exchange, "location");
        return locations.Count switch
        {
            0 => status.ToString(CultureInfo.InvariantCulture),
            1 => $"{status} with Location {locations[0]}",
            _ => $"{status} with {locations.Count} Location headers {List(locations)}",
        };
    }

    /// <summary>"DNS SANs [...], IP SANs [...], subject CN=…, SHA-256 …".</summary>
    public static string Certificate(CertificateEvidence cert) =>
        $"certificate with DNS SANs {List(cert.DnsNames)}, IP SANs {List(cert.IpAddresses)}, subject {Quote(cert.Subject)}, SHA-256 {cert.Sha256Fingerprint}";

    /// <summary>A timestamp as an auditor reads it: UTC, to the second.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration in whole days and the time left over, never rounded up, e.g. "29 days 23:59:59".</summary>
    public static string Days(TimeSpan span) =>
        $"{((int)span.TotalDays).ToString(CultureInfo.InvariantCulture)} days {span.Duration().ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)}";

    /// <summary>A duration in seconds with one decimal, e.g. "3.2 s".</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>The value in double quotes, or "(empty)".</summary>
    public static string Quote(string? value) => string.IsNullOrEmpty(value) ? "(empty)" : $"\"{value}\"";

    /// <summary>Every value of a header (names are stored lower-case).</summary>
    public static IReadOnlyList<string> Values(HttpExchangeEvidence exchange, string name) =>
        exchange.Headers.TryGetValue(name, out var values) ? values : [];
}
