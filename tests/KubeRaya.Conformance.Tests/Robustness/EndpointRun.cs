using System.Diagnostics;
using KubeRaya.Conformance.Checks;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Targets;
using KubeRaya.Conformance.Tests.Probes.Servers;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// Every E-mode check of <see cref="EndpointChecks"/> run once against a server on 127.0.0.1, through a fresh
/// <see cref="Observatory"/> with short timeouts, as a run would; the verdicts and how long it all took.
/// </summary>
internal sealed class EndpointRun
{
    public const string Host = TestCertificates.AppHost;

    /// <summary>Bounds short enough for a test, long enough for a server that answers on a busy machine.</summary>
    public static Timeouts Short { get; } = new()
    {
        Connect = new NamedTimeout("connect", TimeSpan.FromSeconds(1)),
        Handshake = new NamedTimeout("handshake", TimeSpan.FromSeconds(2)),
        Request = new NamedTimeout("request", TimeSpan.FromSeconds(3)),
        RawHello = new NamedTimeout("raw-hello", TimeSpan.FromSeconds(2)),
        Browser = new NamedTimeout("browser", TimeSpan.FromSeconds(15)),
    };

    private EndpointRun(IReadOnlyList<Verdict> verdicts, TimeSpan elapsed)
    {
        Verdicts = verdicts;
        Elapsed = elapsed;
    }

    public IReadOnlyList<Verdict> Verdicts { get; }
    public TimeSpan Elapsed { get; }

    /// <summary>The checks by control: every E-mode control of the catalogue has exactly one.</summary>
    public static IReadOnlyDictionary<string, Func<EndpointChecks, Task<IReadOnlyList<Verdict>>>> Checks { get; } =
        new Dictionary<string, Func<EndpointChecks, Task<IReadOnlyList<Verdict>>>>(StringComparer.Ordinal)
        {
            ["KR-TLS-01"] = c => c.HttpsServedAsync(),
            ["KR-TLS-03"] = c => c.ProtocolVersionsAsync(),
            ["KR-TLS-04"] = c => c.CipherSuitesAsync(),
            ["KR-CERT-01"] = c => c.CertificateNamesHostAsync(),
            ["KR-CERT-02"] = c => c.ChainAsync(),
            ["KR-CERT-03"] = c => c.ValidityAsync(),
            ["KR-CERT-04"] = c => c.RenewalHeadroomAsync(),
            ["KR-CERT-05"] = c => c.KeyStrengthAsync(),
            ["KR-HTTP-01"] = c => c.RedirectAsync(),
            ["KR-HTTP-02"] = c => c.HstsAsync(),
            ["KR-HOST-01"] = c => c.UnknownHostsAsync(),
            ["KR-HOST-02"] = c => c.UnknownSniAsync(),
            ["KR-UX-01"] = c => c.BrowserAsync(),
            ["KR-EXT-01"] = c => c.Tls13Async(),
            ["KR-EXT-02"] = c => c.Http2Async(),
        };

    /// <summary>Runs every check (the browser's only when asked: it starts Chromium) and returns the verdicts.</summary>
    public static async Task<EndpointRun> ObserveAsync(HostileServer server, bool withBrowser, CancellationToken cancellationToken)
    {
        var report = Directory.CreateTempSubdirectory("kr-robust-report-");
        var bundlePath = Path.Combine(report.FullName, "ca.pem");
        await File.WriteAllTextAsync(bundlePath, TestCertificates.Shared.Root.CertificatePem, cancellationToken);
        var endpoints = new PublicEndpoints("127.0.0.1", server.HttpPort, server.HttpsPort, [Host], TestCertificates.Shared.Bundle, bundlePath);
        var clock = Stopwatch.StartNew();
        try
        {
            await using var checks = new EndpointChecks(new Observatory(endpoints, Short, new EvidenceFiles(report.FullName), cancellationToken), 30, TimeProvider.System);
            var chosen = Checks.Where(c => withBrowser || c.Key != "KR-UX-01").ToList();
            var verdicts = await Task.WhenAll(chosen.Select(c => c.Value(checks)));
            return new EndpointRun(verdicts.SelectMany(v => v).ToList(), clock.Elapsed);
        }
        finally
        {
            report.Delete(recursive: true);
        }
    }
}
