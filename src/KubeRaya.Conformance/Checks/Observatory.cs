using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Probes.Browser;
using KubeRaya.Conformance.Probes.RawTls;
using KubeRaya.Conformance.Targets;

namespace KubeRaya.Conformance.Checks;

/// <summary>
/// Everything the E-mode controls observe about the public hosts, each observation made once per run
/// (concurrently across hosts and scenarios) and written to the bundle as evidence before it is judged.
/// </summary>
public sealed class Observatory : IAsyncDisposable
{
    private const string EveryHostVisits = "browser|every host";
    private readonly Memo _memo = new();
    private readonly PublicEndpoints _endpoints;
    private readonly ProbeEndpoint _probeEndpoint;
    private readonly TlsProbe _tls;
    private readonly HttpProbe _http;
    private readonly HostScopeProbe _hostScope;
    private readonly LegacyTlsProbe _legacy;
    private readonly EvidenceFiles _files;
    private readonly CancellationToken _runToken;
    private readonly Dictionary<string, string> _randomPaths;
    private readonly BrowserProbe _browser;
    private readonly TimeSpan _browserBound;
    private Task? _earlyBrowserVisits;

    /// <summary>Observes the given endpoints, writing evidence into the report directory.</summary>
    /// <param name="endpoints">The ingress and its hosts.</param>
    /// <param name="timeouts">Named bounds for every probe.</param>
    /// <param name="files">Where evidence goes.</param>
    /// <param name="runToken">Cancelled when the run is interrupted; observations are shared across scenarios, so they follow the run, not one scenario.</param>
    public Observatory(PublicEndpoints endpoints, Timeouts timeouts, EvidenceFiles files, CancellationToken runToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _endpoints = endpoints;
        _probeEndpoint = new ProbeEndpoint(endpoints.Address, endpoints.HttpPort, endpoints.HttpsPort);
        _tls = new TlsProbe(timeouts, endpoints.CaBundle);
        _http = new HttpProbe(timeouts);
        _hostScope = new HostScopeProbe(_http, _tls);
        _legacy = new LegacyTlsProbe(timeouts);
        _files = files;
        _runToken = runToken;
        _browser = new BrowserProbe(timeouts);
        _browserBound = timeouts.Browser.Value;
        _randomPaths = endpoints.Hosts.ToDictionary(h => h, _ => RandomRequestPaths.Next(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The endpoints observed.</summary>
    public PublicEndpoints Endpoints => _endpoints;

    /// <summary>A modern handshake with SNI = host (ALPN h2, http/1.1).</summary>
    public Task<Observation<TlsHandshakeEvidence>> HandshakeAsync(string host) =>
        ObserveAsync(host, "tls-handshake", () => _tls.HandshakeAsync(_probeEndpoint, host, host, null, _runToken));

    /// <summary>A handshake offering TLS 1.3 only.</summary>
    public Task<Observation<TlsHandshakeEvidence>> Tls13HandshakeAsync(string host) =>
        ObserveAsync(host, "tls13-handshake", () => _tls.HandshakeAsync(_probeEndpoint, host, host, TlsProbeOptions.Tls13Only, _runToken));

    /// <summary>Raw ClientHellos offering SSL 3.0, TLS 1.0 and TLS 1.1.</summary>
    public Task<Observation<IReadOnlyList<LegacyHandshakeEvidence>>> LegacyProtocolsAsync(string host) =>
        ObserveAsync(host, "legacy-protocols", () => _legacy.ProbeLegacyProtocolsAsync(_endpoints.Address, _endpoints.HttpsPort, host, _runToken));

    /// <summary>Raw ClientHellos offering only weak cipher suites.</summary>
    public Task<Observation<IReadOnlyList<LegacyHandshakeEvidence>>> WeakCiphersAsync(string host) =>
        ObserveAsync(host, "weak-ciphers", () => _legacy.ProbeWeakCiphersAsync(_endpoints.Address, _endpoints.HttpsPort, host, _runToken));

    /// <summary>A GET over plain HTTP at this host's random path and query.</summary>
    public Task<Observation<HttpExchangeEvidence>> PlainHttpAsync(string host) =>
        ObserveAsync(host, "http-request", () => _http.SendAsync(new HttpProbeRequest(_probeEndpoint, "http", host, null, _randomPaths[host]), _runToken));

    /// <summary>A GET over HTTPS at this host's random path and query.</summary>
    public Task<Observation<HttpExchangeEvidence>> HttpsAsync(string host) =>
        ObserveAsync(host, "https-request", () => _http.SendAsync(new HttpProbeRequest(_probeEndpoint, "https", host, host, _randomPaths[host]), _runToken));

    /// <summary>Requests and handshakes that name no routed host.</summary>
    public Task<Observation<HostScopeEvidence>> HostScopeAsync(string host) =>
        ObserveAsync(host, "host-scope", () => _hostScope.ProbeAsync(_probeEndpoint, host, _endpoints.Hosts, _runToken));

    /// <summary>Headless Chromium, trusting only the run's CA, opening http://host/. The first request makes the visits of
    /// every host at once, in one browser, a few pages at a time, each in a fresh browser context.</summary>
    public Task<Observation<BrowserEvidence>> BrowserAsync(string host) =>
        ObserveAsync(host, "browser", async () =>
        {
            var visits = await _memo.GetAsync(EveryHostVisits, VisitEveryHostAsync).ConfigureAwait(false);
            return visits[host];
        });

    /// <summary>Starts the browser's visits of every host without waiting for them; <see cref="BrowserAsync"/> then finds
    /// them under way or done. Screenshots go into the evidence folder as they are taken; what the browser saw is
    /// written as evidence (and judged) only when a scenario asks for it. Calling it again changes nothing.</summary>
    public void BeginBrowserVisits() =>
        _earlyBrowserVisits ??= Task.Run(() => _memo.GetAsync(EveryHostVisits, VisitEveryHostAsync), _runToken);

    /// <summary>Lets visits begun early end (the run's cancellation stops those not yet started; one under way is bounded
    /// by the browser timeout), so that the browser is closed and its temporary profile removed, then ends the
    /// Playwright driver. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_earlyBrowserVisits is { } visits)
        {
            try
            {
                await visits.WaitAsync(_browserBound).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException or Microsoft.Playwright.PlaywrightException or IOException)
            {
                // What the visits saw (or why they could not finish) was the KR-UX-01 scenario's to judge; here they only
                // have to be over before the driver goes.
            }
        }
        await _browser.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<Dictionary<string, BrowserEvidence>> VisitEveryHostAsync()
    {
        var visits = _endpoints.Hosts.Select(host => new BrowserVisit(
            host, _endpoints.Address, _endpoints.HttpPort, _endpoints.HttpsPort, [.. _endpoints.CaBundle], _files.PathFor(host, "browser", "png").Full)).ToList();
        var evidence = await _browser.VisitAllAsync(visits, _runToken).ConfigureAwait(false);
        return evidence.ToDictionary(e => e.Host, StringComparer.OrdinalIgnoreCase);
    }

    private Task<Observation<T>> ObserveAsync<T>(string host, string kind, Func<Task<T>> probe) where T : notnull =>
        _memo.GetAsync(kind + "|" + host, async () =>
        {
            var evidence = await probe().ConfigureAwait(false);
            return new Observation<T>(evidence, _files.Write(host, kind, evidence));
        });
}
