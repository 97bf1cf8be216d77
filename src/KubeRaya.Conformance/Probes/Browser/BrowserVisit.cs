using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Probes.Browser;

/// <summary>What the browser probe is asked to open, and what it may trust.</summary>
/// <param name="Host">The public host; the browser opens <c>http://Host/</c> (with the port when it is not 80).</param>
/// <param name="Address">The ingress address the host is mapped to (IP literal; DNS is never asked).</param>
/// <param name="HttpPort">The plain HTTP port.</param>
/// <param name="HttpsPort">The HTTPS port under test; the browser must end there.</param>
/// <param name="TrustedCas">The run's CA certificates: the only additions to what the browser trusts.</param>
/// <param name="ScreenshotPath">Where the full-page PNG screenshot goes; its evidence file should sit in the same folder.</param>
public sealed record BrowserVisit(
    string Host,
    string Address,
    int HttpPort,
    int HttpsPort,
    IReadOnlyList<X509Certificate2> TrustedCas,
    string ScreenshotPath)
{
    /// <summary>The URL the browser is given: plain HTTP, never pre-typed https.</summary>
    public string StartUrl => HttpPort == 80 ? $"http://{Host}/" : $"http://{Host}:{HttpPort}/";
}
