using System.Text.Json;
using FluentAssertions;
using KubeRaya.Conformance.Cli;
using Xunit;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>Runs of the whole reference platform: heavy, so never beside one another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReferenceRunCollection
{
    public const string Name = "reference platform runs";
}

/// <summary>
/// SIGINT or SIGTERM at any moment of a deploy-mode run on the reference platform: the program ends within 30 s,
/// leaves no network namespace, process or temporary file of its run behind, writes a report whose outcome is error
/// and which says it was interrupted, and exits 3 with one line on stderr.
/// </summary>
[Collection(ReferenceRunCollection.Name)]
public sealed class InterruptionTests : IDisposable
{
    private static readonly TimeSpan Ending = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("robust-tmp-");
    private readonly DirectoryInfo _report = Directory.CreateTempSubdirectory("robust-report-");

    // The signal comes 5 s after the program started (the platform is starting), or 15 s after it (on a busy machine
    // the platform may still be starting then), or 10 s after the suite started (scenarios are deploying apps).
    [Theory]
    [InlineData("INT", 5, false)]
    [InlineData("TERM", 5, false)]
    [InlineData("INT", 15, false)]
    [InlineData("TERM", 15, false)]
    [InlineData("INT", 10, true)]
    [InlineData("TERM", 10, true)]
    public async Task An_interrupted_reference_run_cleans_up_reports_error_and_exits_3(string signal, int afterSeconds, bool intoTheSuite)
    {
        File.Exists(SuiteRunner.DefaultAssembly(CliProcess.Root)).Should().BeTrue("the Gherkin suite must be built in Release first (dotnet build KubeRaya.Conformance.sln -c Release)");
        var traces = new PlatformTraces();
        using var cli = CliProcess.Start(["run", "--target", "reference", "--report-dir", _report.FullName], _temporary.FullName);
        using var watching = new CancellationTokenSource();
        var watcher = traces.WatchAsync(cli.Id, watching.Token);

        if (intoTheSuite) await WaitForSuiteAsync(cli);
        await Task.Delay(TimeSpan.FromSeconds(afterSeconds));
        cli.Signal(signal);
        var signalled = System.Diagnostics.Stopwatch.StartNew();
        await cli.WaitAsync(Ending + TimeSpan.FromSeconds(30));
        var ended = signalled.Elapsed;
        await watching.CancelAsync();
        await watcher;

        var said = $"stdout:\n{cli.Output}\nstderr:\n{cli.Error}";
        ended.Should().BeLessThan(Ending, said);
        cli.ExitCode.Should().Be(3, said);
        cli.Error.Should().Contain($"interrupted by SIG{signal}", said).And.NotContain("   at ", "no stack trace");
        cli.Error.Trim().Split('\n').Where(l => l.StartsWith("kuberaya-conformance:", StringComparison.Ordinal)).Should().HaveCount(1, said);
        if (intoTheSuite) traces.Ids.Should().NotBeEmpty("by then the run has started its platform, so the clean-up checked below is real; " + said);
        cli.Output.Should().Contain($"error: interrupted by SIG{signal}", said);
        traces.Leftovers(_temporary.FullName).Should().BeEmpty($"the run removes everything it created (platforms {string.Join(", ", traces.Ids)}); {said}");

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_report.FullName, "summary.json")));
        var root = summary.RootElement;
        root.GetProperty("outcome").GetString().Should().Be("error");
        root.GetProperty("environment").GetProperty("interrupted").GetString().Should().Contain($"SIG{signal}");
        var results = root.GetProperty("results").EnumerateArray().ToList();
        results.Should().Contain(r => r.GetProperty("outcome").GetString() == "error"
            && r.GetProperty("observed").GetString()!.Contains($"interrupted by SIG{signal}"));
    }

    private static async Task WaitForSuiteAsync(CliProcess cli)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!cli.Output.Contains("KubeRaya conformance run", StringComparison.Ordinal))
        {
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(120), $"the suite should start; stdout:\n{cli.Output}\nstderr:\n{cli.Error}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    public void Dispose()
    {
        _temporary.Delete(recursive: true);
        _report.Delete(recursive: true);
    }
}
