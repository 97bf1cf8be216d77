using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KubeRaya.Conformance.Calibration;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Reporting;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// <c>calibrate</c>: proves that every control can fail. Runs the suite on the reference platform once without any
/// fault (the baseline, which must be conformant) and once per fault of <c>fixtures/calibration</c>, each run a
/// separate <c>run --target reference</c> child process with its own platform and its report in DIR/&lt;fault&gt;/,
/// a few at a time. Writes DIR/calibration.json and DIR/calibration.html, prints one line per fault and the wall
/// time, and returns 0 only when the baseline is conformant and every fault was caught (1 otherwise, 3 when the
/// calibration itself could not run).
/// </summary>
public static class CalibrateCommand
{
    /// <summary>Runs started at once by default: measured on 2 cores, 4 keeps them busy (a run spends much of its time
    /// waiting for the platform) without starving the probes; with the browser's headless shell a run needs about
    /// 24 s of CPU time.</summary>
    public const int DefaultParallel = 4;

    /// <summary>The control whose failure takes a whole timeout to observe (the new certificate never comes).</summary>
    private const string RotationControl = "KR-CERT-07";

    /// <summary>Runs the command.</summary>
    public static async Task<int> ExecuteAsync(Arguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var directory = Path.GetFullPath(arguments.Text("report-dir") ?? Path.Combine("artifacts", "calibration"));
        var parallel = Parallel(arguments.Text("parallel"));
        var only = arguments.List("faults");
        arguments.RejectUnknown();

        var root = RepositoryLayout.Root();
        var faults = LoadFaults(Path.Combine(root, "fixtures", "calibration"));
        var unknown = only.Where(n => faults.All(f => f.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"unknown calibration fault '{unknown[0]}': use one of {string.Join(", ", faults.Select(f => f.Name))}");
        var selected = only.Count == 0 ? faults : faults.Where(f => only.Contains(f.Name, StringComparer.Ordinal)).ToList();

        Directory.CreateDirectory(directory);
        foreach (var stale in new[] { CalibrationReport.FileName, CalibrationPage.FileName })
            File.Delete(Path.Combine(directory, stale));
        // A fault that stops rotation is only seen failing once the rotation timeout has run out, so its run is the
        // longest by far: it starts first, beside the others, instead of last, after them.
        var runs = selected.Select(f => (f.Name, f.Switches, (IReadOnlyList<string>)f.Expected))
            .Prepend((CalibrationClassifier.Baseline, [], []))
            .OrderByDescending(r => r.Item3.Contains(RotationControl, StringComparer.Ordinal))
            .ToList();
        output.WriteLine($"KubeRaya calibration: the baseline and {selected.Count} faults on the reference platform, {parallel} at a time; reports in {directory}");

        using var gate = new SemaphoreSlim(parallel, parallel);
        var gateLock = new object();
        var results = await Task.WhenAll(runs.Select(async run =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var runClock = Stopwatch.StartNew();
                var reportDirectory = Path.Combine(directory, run.Name);
                var exitCode = await RunChildAsync(run.Switches, reportDirectory, cancellationToken).ConfigureAwait(false);
                var result = CalibrationClassifier.Classify(run.Name, run.Item3, ReadSummary(reportDirectory));
                lock (gateLock)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {result.Verdict.ToString().ToLowerInvariant(),-11} {run.Name,-34} expected {List(result.Expected)}; failed {List(result.Failed)} (run exit {exitCode}, {runClock.Elapsed.TotalSeconds:0} s)"));
                }
                return result;
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        var report = new CalibrationReport { Faults = results };
        report.Write(directory);
        var reports = results.Where(r => File.Exists(Path.Combine(directory, r.Fault, HtmlReport.FileName)))
            .ToDictionary(r => r.Fault, r => r.Fault + "/" + HtmlReport.FileName, StringComparer.Ordinal);
        var page = CalibrationPage.View(report, faults, reports, clock.Elapsed, DateTimeOffset.UtcNow);
        await File.WriteAllBytesAsync(Path.Combine(directory, CalibrationPage.FileName), CalibrationPage.Render(page), cancellationToken).ConfigureAwait(false);

        var notCaught = results.Count(r => r.Verdict != CalibrationVerdict.Caught);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(notCaught == 0 ? "calibrated" : "not calibrated")}: {results.Length - notCaught} of {results.Length} runs as expected in {clock.Elapsed.TotalSeconds:0} s wall time; {Path.Combine(directory, CalibrationReport.FileName)}, {Path.Combine(directory, CalibrationPage.FileName)}"));
        return report.AllCaught ? ExitCodes.Conformant : ExitCodes.Nonconformant;
    }

    /// <summary>The fixtures, with every switch checked against the platform's and the harness's faults.</summary>
    public static IReadOnlyList<CalibrationFault> LoadFaults(string fixtures)
    {
        IReadOnlyList<CalibrationFault> faults;
        try
        {
            faults = CalibrationFixtures.Load(fixtures);
        }
        catch (CalibrationFixtureException e)
        {
            throw new IncompleteRunException($"calibration fixture error: {e.Message}");
        }
        foreach (var fault in faults)
        {
            var unknown = fault.Switches.FirstOrDefault(s => !FaultCatalogue.TryParse(s, out _) && !HarnessFaultCatalogue.TryParse(s, out _));
            if (unknown is not null)
                throw new IncompleteRunException($"calibration fixture error: {fault.Name}.yaml: switch '{unknown}' is neither a reference platform fault nor a harness fault");
        }
        return faults;
    }

    private static int Parallel(string? text)
    {
        if (text is null) return DefaultParallel;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 16
            ? count
            : throw new UsageException($"--parallel '{text}' is not a number of runs from 1 to 16");
    }

    private static string List(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : string.Join(",", ids);

    private static RunSummary? ReadSummary(string reportDirectory)
    {
        var path = Path.Combine(reportDirectory, "summary.json");
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(path), RunConfiguration.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One <c>run --target reference</c> in a child process, its output kept in DIR/&lt;fault&gt;/calibration-run.log.</summary>
    private static async Task<int> RunChildAsync(IReadOnlyList<string> switches, string reportDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(reportDirectory);
        File.Delete(Path.Combine(reportDirectory, "summary.json"));
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet");
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(CalibrateCommand).Assembly.Location);
        foreach (var argument in new[] { "run", "--target", "reference", "--report-dir", reportDirectory }) start.ArgumentList.Add(argument);
        if (switches.Count > 0)
        {
            start.ArgumentList.Add("--fault");
            start.ArgumentList.Add(string.Join(",", switches));
        }
        ShortLivedProcess.Apply(start.Environment);

        await using var log = new StreamWriter(Path.Combine(reportDirectory, "calibration-run.log")) { AutoFlush = true };
        var limit = Timeouts.FromEnvironment().CalibrationRun;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(limit.Value);
        try
        {
            return await ChildProcess.RunAsync(start, log.WriteLine, StopAsync, "a calibration run", bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync($"calibration: the run was stopped after the {limit}").ConfigureAwait(false);
            return ExitCodes.Incomplete;
        }
    }

    /// <summary>Asks a child to stop (SIGTERM: it removes what it created), and kills it when it does not within the clean-up timeout.</summary>
    private static async Task StopAsync(Process process)
    {
        try
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            using var bound = new CancellationTokenSource(Timeouts.FromEnvironment().Cleanup.Value);
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            await ChildProcess.KillTreeAsync(process).ConfigureAwait(false);
        }
    }
}
