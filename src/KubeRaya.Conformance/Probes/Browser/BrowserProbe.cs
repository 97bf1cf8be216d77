using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Polling;
using Microsoft.Playwright;

namespace KubeRaya.Conformance.Probes.Browser;

/// <summary>
/// KR-UX-01's probe: Debian's Chromium, driven by Playwright, opens <c>http://host/</c> the way a person
/// would and reports where it ended, what went wrong, and a full-page screenshot.
/// </summary>
/// <remarks>
/// Honesty rules: the browser trusts the run's CA through a temporary NSS database (never by ignoring
/// certificate errors); the hosts are mapped to the target address inside the browser (DNS is never asked,
/// every other name fails to resolve, and every other host is sent to a dead loopback proxy, so the page
/// cannot make the browser reach anything but the target); nothing is downloaded or installed; a fresh
/// profile and home are used and deleted for every browser; the browser is always closed.
/// Several hosts are visited by one browser, a few at a time, each visit in its own new browser context: an
/// incognito-like context shares no cookies, cache, storage or HSTS state with any other, so what one host told
/// the browser (e.g. an HSTS policy with includeSubDomains) cannot change how another host's visit goes.
/// Each visit (its context, navigation, settling and screenshot) is bounded by <see cref="Timeouts.Browser"/>, and
/// so is starting the browser. The Playwright driver is started once per probe and ended on dispose.
/// </remarks>
public sealed partial class BrowserProbe : IAsyncDisposable
{
    /// <summary>Where Debian's chromium-headless-shell package puts Chromium's headless shell: the browser's own network
    /// stack, certificate verifier, HSTS handling and renderer without its desktop UI, and Playwright's own default for
    /// headless Chromium. A visit costs it about a third of the CPU time the full browser needs.</summary>
    public const string HeadlessShellPath = "/usr/lib/chromium/chromium-headless-shell";

    /// <summary>Where Debian's chromium package puts the full browser binary.</summary>
    public const string FullChromiumPath = "/usr/lib/chromium/chromium";

    /// <summary>The browser used unless one is named: the headless shell when it is installed, else the full browser.</summary>
    public static string DefaultChromiumPath => File.Exists(HeadlessShellPath) ? HeadlessShellPath : FullChromiumPath;

    /// <summary>How many pages one browser has open at once by default. A visit mostly waits (for its page to settle),
    /// so more pages than cores keeps the cores busy.</summary>
    public const int DefaultConcurrentVisits = 8;

    /// <summary>A loopback proxy address that nothing answers, for every host but the target.</summary>
    private const string DeadProxy = "http://127.0.0.1:9";

    private readonly Timeouts _timeouts;
    private readonly string _chromiumPath;
    private readonly string _certutilPath;
    private readonly int _concurrentVisits;
    private readonly SemaphoreSlim _driverGate = new(1, 1);
    private IPlaywright? _driver;
    private bool _disposed;

    /// <summary>A probe using the given timeouts and tool locations (the browser defaults to <see cref="DefaultChromiumPath"/>),
    /// opening at most <paramref name="concurrentVisits"/> pages at once.</summary>
    public BrowserProbe(Timeouts timeouts, string? chromiumPath = null, string certutilPath = NssTrustStore.DefaultCertutilPath, int concurrentVisits = DefaultConcurrentVisits)
    {
        _timeouts = timeouts ?? throw new ArgumentNullException(nameof(timeouts));
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentVisits, 1);
        _chromiumPath = chromiumPath ?? DefaultChromiumPath;
        _certutilPath = certutilPath;
        _concurrentVisits = concurrentVisits;
    }

    /// <summary>The command-line switches Chromium is started with for a visit (Playwright adds its own, e.g. headless and the profile folder).</summary>
    public static IReadOnlyList<string> ArgumentsFor(BrowserVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return ArgumentsFor([visit]);
    }

    /// <summary>The command-line switches Chromium is started with for several visits: each visit's host is mapped to
    /// its address, every other name resolves nowhere.</summary>
    public static IReadOnlyList<string> ArgumentsFor(IReadOnlyList<BrowserVisit> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var mapped = visits.DistinctBy(v => v.Host, StringComparer.OrdinalIgnoreCase).ToList();
        var rules = mapped.Select(v => $"MAP {v.Host} {AddressForRule(v.Address)}").Append("MAP * ~NOTFOUND");
        return
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForEngagedSites,MediaRouter,OptimizationHints",
            $"--host-resolver-rules={string.Join(',', rules)}",
            $"--proxy-server={DeadProxy}",
            $"--proxy-bypass-list={string.Join(';', mapped.Select(v => v.Host))}",
        ];
    }

    /// <summary>Opens the visit's start URL and records what the browser saw.</summary>
    public async Task<BrowserEvidence> VisitAsync(BrowserVisit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return (await VisitAllAsync([visit], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Opens every visit's start URL in one browser, at most the probe's number of pages at once, each in a fresh
    /// browser context, and records what the browser saw, in the order of <paramref name="visits"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The visits do not all trust the same CA certificates (one browser has one trust store).</exception>
    public async Task<IReadOnlyList<BrowserEvidence>> VisitAllAsync(IReadOnlyList<BrowserVisit> visits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visits);
        if (visits.Count == 0) return [];
        var fingerprints = Fingerprints(visits[0]);
        if (visits.Any(v => !Fingerprints(v).SequenceEqual(fingerprints)))
            throw new ArgumentException("Visits made by one browser must trust the same CA certificates.", nameof(visits));
        var started = Stopwatch.StartNew();
        var blank = visits.Select(v => new BrowserEvidence
        {
            Host = v.Host,
            Address = v.Address,
            HttpPort = v.HttpPort,
            HttpsPort = v.HttpsPort,
            StartUrl = v.StartUrl,
            TrustedCaFingerprints = fingerprints,
            ObservedAt = DateTimeOffset.UtcNow,
        }).ToList();
        IReadOnlyList<BrowserEvidence> Unable(string problem, TimeSpan elapsed) => blank.Select(e => e with { ProbeProblem = problem, Elapsed = elapsed }).ToList();
        if (!File.Exists(_chromiumPath))
            return Unable($"Chromium was not found at {_chromiumPath}; install Debian's chromium-headless-shell (or chromium) package", started.Elapsed);

        IPlaywright playwright;
        try
        {
            playwright = await DriverAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PlaywrightException ex)
        {
            return Unable($"the Playwright driver could not be started: {FirstLine(ex.Message)}", started.Elapsed);
        }

        // Starting the browser is bounded by the browser timeout, and so is each visit after it.
        var launch = Stopwatch.StartNew();
        NssTrustStore? trust = null;
        IBrowser? browser = null;
        try
        {
            try
            {
                trust = await NssTrustStore.CreateAsync(visits[0].TrustedCas, _timeouts.Browser, cancellationToken, _certutilPath).ConfigureAwait(false);
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = _chromiumPath,
                    Headless = true,
                    Args = ArgumentsFor(visits),
                    Env = BrowserEnvironment(trust.HomeDirectory),
                    Timeout = Remaining(launch),
                }).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException or IOException)
            {
                return Unable($"the browser could not be started: {FirstLine(ex.Message)}", launch.Elapsed);
            }

            cancellationToken.ThrowIfCancellationRequested();
            using var pages = new SemaphoreSlim(_concurrentVisits, _concurrentVisits);
            var name = $"{Path.GetFileName(_chromiumPath)} {browser.Version}";
            var running = visits.Select(async (visit, i) =>
            {
                await pages.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await VisitInNewContextAsync(browser, visit, blank[i] with { ObservedAt = DateTimeOffset.UtcNow, Browser = name }, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    pages.Release();
                }
            }).ToList();
            return await Task.WhenAll(running).ConfigureAwait(false);
        }
        finally
        {
            if (browser is not null)
            {
                try
                {
                    await browser.CloseAsync().ConfigureAwait(false);
                }
                catch (PlaywrightException)
                {
                    // Already gone; disposing the probe ends the driver and anything it started.
                }
            }
            trust?.Dispose();
        }
    }

    /// <summary>One visit in a browser context of its own, closed afterwards; bounded by the browser timeout.</summary>
    private async Task<BrowserEvidence> VisitInNewContextAsync(IBrowser browser, BrowserVisit visit, BrowserEvidence evidence, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        IBrowserContext context;
        try
        {
            context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                IgnoreHTTPSErrors = false,
                ServiceWorkers = ServiceWorkerPolicy.Block,
                AcceptDownloads = false,
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return evidence with { ProbeProblem = $"the browser could not open a new context: {FirstLine(ex.Message)}", Elapsed = clock.Elapsed };
        }

        try
        {
            return await NavigateAsync(context, visit, evidence, clock, cancellationToken).ConfigureAwait(false) with { Elapsed = clock.Elapsed };
        }
        finally
        {
            try
            {
                await context.CloseAsync().ConfigureAwait(false);
            }
            catch (PlaywrightException)
            {
                // The browser is closed with every context it still has.
            }
        }
    }

    /// <summary>Ends the Playwright driver; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        await _driverGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            _driver?.Dispose();
            _driver = null;
        }
        finally
        {
            _driverGate.Release();
        }
    }

    /// <summary>The Playwright driver, started on first use. It drives the given browser binary and downloads nothing.</summary>
    private async Task<IPlaywright> DriverAsync(CancellationToken cancellationToken)
    {
        await _driverGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _driver ??= await Playwright.CreateAsync().ConfigureAwait(false);
        }
        finally
        {
            _driverGate.Release();
        }
    }

    private async Task<BrowserEvidence> NavigateAsync(IBrowserContext context, BrowserVisit visit, BrowserEvidence evidence, Stopwatch clock, CancellationToken cancellationToken)
    {
        IPage page;
        try
        {
            page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return evidence with { ProbeProblem = $"the browser could not open a page: {FirstLine(ex.Message)}" };
        }
        page.SetDefaultTimeout(Remaining(clock));
        page.SetDefaultNavigationTimeout(Remaining(clock));

        IResponse? response = null;
        string? navigationError = null;
        for (var attempt = 1; attempt <= NetworkChangedAttempts; attempt++)
        {
            try
            {
                response = await page.GotoAsync(visit.StartUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = Remaining(clock) }).ConfigureAwait(false);
                navigationError = null;
                break;
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                navigationError = FirstLine(ex.Message);
                // Chromium aborts a navigation when any interface of the machine changes (another run's veth, for one);
                // that says nothing about the target, so the visit is made again while time remains.
                if (!await NetworkChangedAsync(page, navigationError).ConfigureAwait(false) || Remaining(clock) < 1000)
                    break;
            }
        }

        if (navigationError is null)
            await SettleAsync(page, clock, cancellationToken).ConfigureAwait(false);

        var shownUrl = page.Url;
        var (screenshot, screenshotProblem) = await ScreenshotAsync(page, visit.ScreenshotPath, clock).ConfigureAwait(false);
        var hops = response is null ? [] : await HopsAsync(response).ConfigureAwait(false);
        return evidence with
        {
            FinalUrl = page.Url,
            Status = response?.Status,
            Hops = hops,
            NavigationError = navigationError,
            NetworkErrorCode = navigationError is null ? null : NetworkError().Match(navigationError) is { Success: true } m ? m.Value : null,
            Screenshot = screenshot,
            ScreenshotUrl = screenshot is null ? null : shownUrl,
            ScreenshotProblem = screenshotProblem,
        };
    }

    /// <summary>
    /// Whether a navigation failed because the machine's network changed: said in the error itself, or, when the
    /// navigation was cut short by Chromium's error page, on that page (only that code; any other error stands).
    /// </summary>
    private static async Task<bool> NetworkChangedAsync(IPage page, string navigationError)
    {
        const string code = "ERR_NETWORK_CHANGED";
        if (navigationError.Contains(code, StringComparison.Ordinal)) return true;
        if (!navigationError.Contains("chrome-error://chromewebdata/", StringComparison.Ordinal)) return false;
        try
        {
            return (await page.ContentAsync().ConfigureAwait(false)).Contains(code, StringComparison.Ordinal);
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    /// <summary>How many times a visit is made when Chromium reports that the machine's network changed under it.</summary>
    private const int NetworkChangedAttempts = 6;

    /// <summary>Waits until the page's URL has stayed the same for three looks in a row (client-side redirects included).</summary>
    private async Task SettleAsync(IPage page, Stopwatch clock, CancellationToken cancellationToken)
    {
        string? previous = null;
        var settle = _timeouts.Browser with { Value = TimeSpan.FromMilliseconds(Math.Max(1, Remaining(clock))) };
        await BoundedPoll.UntilAsync(
            _ => Task.FromResult(page.Url),
            url =>
            {
                var same = url == previous;
                previous = url;
                return same;
            },
            settle,
            cancellationToken,
            consecutive: 3,
            interval: TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = Remaining(clock) }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // A page that never finishes loading still has a URL and a screenshot to show.
        }
    }

    private static async Task<IReadOnlyList<BrowserHop>> HopsAsync(IResponse last)
    {
        var requests = new List<IRequest>();
        for (var request = last.Request; request is not null; request = request.RedirectedFrom)
            requests.Insert(0, request);
        var hops = new List<BrowserHop>();
        foreach (var request in requests)
        {
            var response = ReferenceEquals(request, last.Request) ? last : await request.ResponseAsync().ConfigureAwait(false);
            string? location = null;
            response?.Headers.TryGetValue("location", out location);
            hops.Add(new BrowserHop(request.Url, response?.Status, location));
        }
        return hops;
    }

    private async Task<(string? File, string? Problem)> ScreenshotAsync(IPage page, string path, Stopwatch clock)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Type = ScreenshotType.Png, Timeout = Math.Max(1000, Remaining(clock)) }).ConfigureAwait(false);
            return (Path.GetFileName(path), null);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            return (null, FirstLine(ex.Message));
        }
    }

    /// <summary>The browser's environment: this process's, with HOME pointing at the temporary NSS home and no proxy variables.</summary>
    private static Dictionary<string, string> BrowserEnvironment(string home)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.EndsWith("_proxy", StringComparison.OrdinalIgnoreCase)) continue;
            environment[name] = (string?)entry.Value ?? "";
        }
        environment["HOME"] = home;
        return environment;
    }

    private static List<string> Fingerprints(BrowserVisit visit) =>
        visit.TrustedCas.Select(c => Convert.ToHexString(SHA256.HashData(c.RawData))).ToList();

    private static string AddressForRule(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : address;

    private float Remaining(Stopwatch clock) =>
        (float)Math.Max(1, (_timeouts.Browser.Value - clock.Elapsed).TotalMilliseconds);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? message.Trim() : line;
    }

    [GeneratedRegex(@"net::ERR_[A-Z0-9_]+")]
    private static partial Regex NetworkError();
}
