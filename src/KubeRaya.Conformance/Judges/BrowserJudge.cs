using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-UX-01: a real browser, trusting only the run's CA, opens <c>http://host/</c> and must end on
/// <c>https://host/</c> (same host, the HTTPS port under test) without a certificate or network error.
/// Pure: evidence in, verdict out.
/// </summary>
public static class BrowserJudge
{
    /// <summary>The control this judge decides.</summary>
    public const string ControlId = "KR-UX-01";

    /// <summary>Judges one browser visit.</summary>
    /// <param name="evidence">What the browser saw.</param>
    /// <param name="evidenceFile">Bundle-relative path of the evidence file, carried into the verdict.</param>
    public static Verdict Judge(BrowserEvidence evidence, string? evidenceFile = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var secureUrl = SecureUrl(evidence.Host, evidence.HttpsPort);
        var expected = $"Chromium trusting only the run's CA opens {evidence.StartUrl} and ends on {secureUrl} with no certificate error";
        var verdict = Decide(evidence, secureUrl, expected);
        return verdict with { Evidence = evidenceFile };
    }

    private static Verdict Decide(BrowserEvidence evidence, string secureUrl, string expected)
    {
        var host = evidence.Host;
        if (evidence.ProbeProblem is { } problem)
            return Verdict.Undecided(ControlId, host, expected, $"the browser could not be run, so nothing was observed: {problem}");

        if (evidence.CertificateError)
            return Verdict.Fail(ControlId, host, expected,
                $"{(evidence.NetworkErrorCode!.StartsWith("net::ERR_SSL_", StringComparison.Ordinal) ? "the browser's TLS connection failed" : "the browser refused the certificate")} with {evidence.NetworkErrorCode} on the way to {secureUrl}{Trail(evidence)}");

        if (evidence.NetworkErrorCode is not null || evidence.NavigationError is not null)
            return Verdict.Fail(ControlId, host, expected,
                $"the navigation failed with {evidence.NetworkErrorCode ?? evidence.NavigationError}{Trail(evidence)}");

        if (evidence.FinalUrl is null || !Uri.TryCreate(evidence.FinalUrl, UriKind.Absolute, out var final))
            return Verdict.Fail(ControlId, host, expected, $"the browser ended on no page (final URL '{evidence.FinalUrl}'){Trail(evidence)}");

        if (final.Scheme != Uri.UriSchemeHttps)
            return Verdict.Fail(ControlId, host, expected,
                $"the browser ended on {evidence.FinalUrl} (status {Status(evidence.Status)}): plain HTTP was not upgraded to HTTPS{Trail(evidence)}");

        if (!string.Equals(final.IdnHost, new Uri(secureUrl).IdnHost, StringComparison.OrdinalIgnoreCase))
            return Verdict.Fail(ControlId, host, expected,
                $"the browser ended on {evidence.FinalUrl}, a different host than {host}{Trail(evidence)}");

        if (final.Port != evidence.HttpsPort)
            return Verdict.Fail(ControlId, host, expected,
                $"the browser ended on {evidence.FinalUrl}, port {final.Port} instead of the HTTPS port under test {evidence.HttpsPort}{Trail(evidence)}");

        var screenshot = evidence.Screenshot is null ? $"no screenshot ({evidence.ScreenshotProblem ?? "not taken"})" : $"screenshot {evidence.Screenshot}";
        return Verdict.Pass(ControlId, host, expected,
            $"the browser ended on {evidence.FinalUrl} with status {Status(evidence.Status)} and no certificate error{Trail(evidence)}; {screenshot}");
    }

    /// <summary>https://host/ with the port only when it is not 443.</summary>
    private static string SecureUrl(string host, int port) =>
        port == 443 ? $"https://{host}/" : $"https://{host}:{port}/";

    private static string Status(int? status) => status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    private static string Trail(BrowserEvidence evidence) =>
        evidence.Hops.Count == 0
            ? ""
            : " (via " + string.Join(", then ", evidence.Hops.Select(Describe)) + ")";

    private static string Describe(BrowserHop hop) =>
        hop.Location is null ? $"{hop.Url} answered {Status(hop.Status)}" : $"{hop.Url} answered {Status(hop.Status)} to {hop.Location}";
}
