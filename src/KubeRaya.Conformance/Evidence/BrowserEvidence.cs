namespace KubeRaya.Conformance.Evidence;

/// <summary>One response on the way from the first URL to the last, as the browser saw it.</summary>
/// <param name="Url">The URL requested.</param>
/// <param name="Status">The response status; null when none came back.</param>
/// <param name="Location">The Location header of a redirect, if any.</param>
public sealed record BrowserHop(string Url, int? Status, string? Location);

/// <summary>
/// What a real browser (headless Chromium trusting only the run's CA) saw when it opened <c>http://host/</c>.
/// Written as JSON beside its screenshot; <see cref="Screenshot"/> is the screenshot's file name in the same folder.
/// </summary>
public sealed record BrowserEvidence
{
    /// <summary>The public host opened.</summary>
    public required string Host { get; init; }
    /// <summary>The address the host was mapped to (never resolved from DNS).</summary>
    public required string Address { get; init; }
    /// <summary>The plain HTTP port.</summary>
    public required int HttpPort { get; init; }
    /// <summary>The HTTPS port under test.</summary>
    public required int HttpsPort { get; init; }
    /// <summary>The URL typed into the browser, always http://.</summary>
    public required string StartUrl { get; init; }
    /// <summary>The URL the page ended on after navigation settled; null when the browser never got that far.</summary>
    public string? FinalUrl { get; init; }
    /// <summary>Status of the response that ended the navigation; null when none came back.</summary>
    public int? Status { get; init; }
    /// <summary>The responses from the first URL to the last, redirects included.</summary>
    public IReadOnlyList<BrowserHop> Hops { get; init; } = [];
    /// <summary>The navigation error the browser reported, as written (e.g. "net::ERR_CERT_AUTHORITY_INVALID at https://…").</summary>
    public string? NavigationError { get; init; }
    /// <summary>The Chromium network error code alone, e.g. "net::ERR_CERT_AUTHORITY_INVALID"; null when none.</summary>
    public string? NetworkErrorCode { get; init; }
    /// <summary>True when <see cref="NetworkErrorCode"/> is a certificate or TLS error.</summary>
    public bool CertificateError => NetworkErrorCode is { } code &&
        (code.StartsWith("net::ERR_CERT_", StringComparison.Ordinal) || code.StartsWith("net::ERR_SSL_", StringComparison.Ordinal)
         || code is "net::ERR_BAD_SSL_CLIENT_AUTH_CERT" or "net::ERR_CERTIFICATE_TRANSPARENCY_REQUIRED");
    /// <summary>File name of the full-page PNG screenshot, in the folder of this evidence file; null when none was taken.</summary>
    public string? Screenshot { get; init; }
    /// <summary>The address of the page the screenshot shows: the page the visit ended on.</summary>
    public string? ScreenshotUrl { get; init; }
    /// <summary>Why no screenshot was taken, if it failed.</summary>
    public string? ScreenshotProblem { get; init; }
    /// <summary>SHA-256 fingerprints of the only CA certificates the browser was told to trust.</summary>
    public IReadOnlyList<string> TrustedCaFingerprints { get; init; } = [];
    /// <summary>The browser binary's name and version, e.g. "chromium-headless-shell 156.0.8078.108".</summary>
    public string? Browser { get; init; }
    /// <summary>Why the browser could not be run at all (a harness problem, not a finding about the target).</summary>
    public string? ProbeProblem { get; init; }
    /// <summary>When the visit started.</summary>
    public DateTimeOffset ObservedAt { get; init; } = DateTimeOffset.UtcNow;
    /// <summary>How long the visit took.</summary>
    public TimeSpan Elapsed { get; init; }
}
