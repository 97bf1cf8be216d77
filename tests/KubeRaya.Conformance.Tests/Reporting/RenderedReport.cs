using System.Text.Json;
using KubeRaya.Conformance.Reporting;
using Microsoft.Playwright;
using Xunit;

namespace KubeRaya.Conformance.Tests.Reporting;

/// <summary>
/// Writes the sample run's bundle once and opens its index.html from disk in headless Chromium, the way an
/// auditor would, keeping what the page shows for the tests to read.
/// </summary>
public sealed class RenderedReport : IAsyncLifetime, IDisposable
{
    private SampleRun? _run;

    internal SampleRun Run => _run ?? throw new InvalidOperationException("not initialised");
    public string Text { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int Scripts { get; private set; }
    public string? Pwned { get; private set; }
    public IReadOnlyList<string> MatrixRows { get; private set; } = [];
    public IReadOnlyList<string> MatrixHosts { get; private set; } = [];
    public IReadOnlyList<string> SectionIds { get; private set; } = [];
    public IReadOnlyList<(int Width, bool Embedded)> Images { get; private set; } = [];
    public IReadOnlyList<string> Requests => _requests;
    public bool BannerVisible { get; private set; }

    private readonly List<string> _requests = [];

    public async Task InitializeAsync()
    {
        _run = new SampleRun(testDouble: true);
        _run.Write();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = KubeRaya.Conformance.Probes.Browser.BrowserProbe.DefaultChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        page.Request += (_, request) => _requests.Add(request.Url);
        await page.GotoAsync(new Uri(Path.Combine(_run.Directory, HtmlReport.FileName)).AbsoluteUri);
        Text = await page.InnerTextAsync("body");
        Title = await page.TitleAsync();
        Scripts = await page.EvaluateAsync<int>("document.querySelectorAll('script').length");
        Pwned = await page.EvaluateAsync<string?>("document.body.dataset.pwned ?? null");
        MatrixRows = await page.EvalOnSelectorAllAsync<string[]>(".matrix tbody tr th a", "links => links.map(a => a.textContent)");
        MatrixHosts = await page.EvalOnSelectorAllAsync<string[]>(".matrix thead th", "cells => cells.slice(1).map(c => c.textContent)");
        SectionIds = await page.EvalOnSelectorAllAsync<string[]>("article.control", "articles => articles.map(a => a.id)");
        var images = await page.EvalOnSelectorAllAsync<JsonElement>("img", "images => images.map(i => [i.naturalWidth, i.src.startsWith('data:image/png;base64,')])");
        Images = images.EnumerateArray().Select(i => (i[0].GetInt32(), i[1].GetBoolean())).ToList();
        BannerVisible = await page.IsVisibleAsync("#test-double");
        // To look at the page as an auditor would: KR_REPORT_TEST_KEEP=<folder> keeps a copy of the bundle there.
        var keep = Environment.GetEnvironmentVariable("KR_REPORT_TEST_KEEP");
        if (!string.IsNullOrEmpty(keep))
        {
            foreach (var file in BundleManifest.EnumerateFiles(_run.Directory, excludeManifest: false))
            {
                var target = Path.Combine(keep, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(_run.Directory, file), target, overwrite: true);
            }
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _run?.Dispose();
        _run = null;
    }
}
