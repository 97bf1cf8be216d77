using System.Text.RegularExpressions;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// Recognises the application's content in a response body: a body identical to the application's own successful
/// response, an HTML title equal to the application's, any of the given distinctive markers, or the echo backend's
/// JSON marker (always; the echo backend is the harness's own application).
/// </summary>
public sealed partial class ApplicationFingerprint
{
    private readonly string? baselineBody;
    private readonly string? baselineTitle;
    private readonly IReadOnlyList<string> markers;

    private ApplicationFingerprint(string? baselineBody, string? baselineTitle, IReadOnlyList<string> markers)
    {
        this.baselineBody = baselineBody;
        this.baselineTitle = baselineTitle;
        this.markers = markers;
    }

    /// <summary>Whether anything beyond the echo marker is known about the application (a usable baseline or markers).</summary>
    public bool KnowsApplication => baselineBody is not null || markers.Count > 0;

    /// <summary>A fingerprint from the application's own response (used only when it was a 2xx with a body) and markers.</summary>
    public static ApplicationFingerprint From(HttpExchangeEvidence? baseline, IReadOnlyList<string>? markers = null)
    {
        var usable = baseline is { Status: >= 200 and < 300 } && !string.IsNullOrWhiteSpace(baseline.Body) ? baseline.Body.Trim() : null;
        var distinct = (markers ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal).ToList();
        return new ApplicationFingerprint(usable, usable is null ? null : Title(usable), distinct);
    }

    /// <summary>What in the body is the application's, in words; null when nothing is.</summary>
    public string? Recognise(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        var trimmed = body.Trim();
        if (baselineBody is not null && string.Equals(trimmed, baselineBody, StringComparison.Ordinal))
        {
            return "the body is identical to the application's own response";
        }
        if (baselineTitle is not null && string.Equals(Title(trimmed), baselineTitle, StringComparison.Ordinal))
        {
            return $"the body has the application's HTML title {EvidenceText.Quote(baselineTitle)}";
        }
        if (markers.FirstOrDefault(m => trimmed.Contains(m, StringComparison.Ordinal)) is { } marker)
        {
            return $"the body contains the application's marker {EvidenceText.Quote(marker)}";
        }
        return EchoEvidence.IsEchoBody(trimmed) ? $"the body is the echo backend's JSON (marker {EchoEvidence.Marker})" : null;
    }

    private static string? Title(string body)
    {
        var match = TitleElement().Match(body);
        var title = match.Success ? match.Groups[1].Value.Trim() : "";
        return title.Length > 0 ? title : null;
    }

    [GeneratedRegex(@"<title[^>]*>(.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitleElement();
}
