using System.Globalization;
using System.Text;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-HTTP-01: a plain-HTTP GET gets 301 or 308 (never followed) with exactly one Location that is https:// + the same
/// host (case-insensitive) + the same path and query, to the letter (only the case of percent-escapes may differ, and
/// an empty path stands for "/"); the port is absent only when the HTTPS port is 443 (where an explicit :443 is
/// accepted too) and otherwise is the HTTPS port under test; no user-info and no fragment; and the body carries no
/// application content. A small HTML page written by the ingress is fine.
/// </summary>
public static class RedirectJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-HTTP-01";

    /// <summary>Judges one plain-HTTP request to a host.</summary>
    /// <param name="host">The host judged; the request must have carried it as Host.</param>
    /// <param name="plainRequest">The request on the HTTP port.</param>
    /// <param name="httpsPort">The HTTPS port under test.</param>
    /// <param name="applicationMarkers">Strings that identify the application (e.g. from its own HTTPS response);
    /// the echo backend's marker is always looked for.</param>
    public static Verdict Judge(string host, HttpExchangeEvidence plainRequest, int httpsPort, IReadOnlyList<string>? applicationMarkers = null)
    {
        ArgumentNullException.ThrowIfNull(plainRequest);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(httpsPort);
        var target = $"https://{host}{(httpsPort == 443 ? "" : ":" + httpsPort.ToString(CultureInfo.InvariantCulture))}{plainRequest.PathAndQuery}";
        var expected = $"301 or 308 with Location {target}{(httpsPort == 443 ? " (an explicit :443 is accepted)" : "")} and no application content in the body";
        if (!string.Equals(plainRequest.Scheme, "http", StringComparison.OrdinalIgnoreCase) || !HostNameMatcher.SameName(plainRequest.HostHeader, host))
        {
            return Verdict.Undecided(ControlId, host, expected,
                $"the evidence is a {plainRequest.Scheme} request with Host {EvidenceText.Quote(plainRequest.HostHeader)}, not a plain-HTTP request for {host}");
        }
        if (plainRequest.Status is null)
        {
            return Verdict.Fail(ControlId, host, expected, EvidenceText.Exchange(plainRequest));
        }
        var problems = new List<string>();
        if (plainRequest.Status is not (301 or 308))
        {
            problems.Add($"status {plainRequest.Status} is not 301 or 308");
        }
        var locations = EvidenceText.Values(plainRequest, "location");
        if (locations.Count != 1)
        {
            problems.Add($"{locations.Count} Location headers instead of one");
        }
        else if (LocationProblem(locations[0], host, plainRequest.PathAndQuery, httpsPort) is { } problem)
        {
            problems.Add($"Location {problem}");
        }
        if (ApplicationFingerprint.From(null, applicationMarkers).Recognise(plainRequest.Body) is { } content)
        {
            problems.Add($"application content in the body: {content}");
        }
        var observed = EvidenceText.Exchange(plainRequest);
        return problems.Count == 0
            ? Verdict.Pass(ControlId, host, expected, observed)
            : Verdict.Fail(ControlId, host, expected, $"{observed} ({string.Join("; ", problems)})");
    }

    private static string? LocationProblem(string location, string host, string pathAndQuery, int httpsPort)
    {
        const string scheme = "https://";
        if (!location.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "not an absolute https:// URL";
        }
        var rest = location[scheme.Length..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var path = authorityEnd < 0 ? "" : rest[authorityEnd..];
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            return "carries user-info";
        }
        var colon = authority.LastIndexOf(':');
        var name = colon < 0 ? authority : authority[..colon];
        var port = colon < 0 ? "" : authority[(colon + 1)..];
        if (!string.Equals(name, host, StringComparison.OrdinalIgnoreCase))
        {
            return $"host {EvidenceText.Quote(name)} is not {host}";
        }
        if (PortProblem(port, httpsPort) is { } portProblem)
        {
            return portProblem;
        }
        if (path.Length == 0 || path[0] == '?')
        {
            path = "/" + path;
        }
        return string.Equals(UpperEscapes(path), UpperEscapes(pathAndQuery), StringComparison.Ordinal)
            ? null
            : $"path and query {EvidenceText.Quote(path)} differ from the request's {EvidenceText.Quote(pathAndQuery)}";
    }

    private static string? PortProblem(string port, int httpsPort)
    {
        if (port.Length == 0)
        {
            return httpsPort == 443 ? null : $"no port, but the HTTPS port under test is {httpsPort}";
        }
        var parsed = port.All(char.IsAsciiDigit) && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
        return parsed == httpsPort ? null : $"port {port} is not the HTTPS port under test ({httpsPort})";
    }

    /// <summary>Percent-escapes in upper case, the one difference RFC 3986 §6.2.2.1 allows between equal URIs.</summary>
    private static string UpperEscapes(string value)
    {
        var text = new StringBuilder(value);
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] == '%' && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                text[i + 1] = char.ToUpperInvariant(text[i + 1]);
                text[i + 2] = char.ToUpperInvariant(text[i + 2]);
            }
        }
        return text.ToString();
    }
}
