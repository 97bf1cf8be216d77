using System.Diagnostics;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reporting;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// <c>run</c>: prepares a target, runs the Gherkin suite against it, writes the report bundle, and
/// returns 0 conformant, 1 non-conformant, 2 usage error, 3 could not complete.
/// </summary>
public static class RunCommand
{
    /// <summary>The targets this command knows.</summary>
    public static readonly string[] Targets = ["reference", "endpoint", "existing", "kind", "k3s", "audit"];

    /// <summary>Runs the command.</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="output">Where progress and the result line go.</param>
    /// <param name="cancellationToken">Cancelled by SIGINT or SIGTERM: the run stops, writes a report marked
    /// interrupted (every undecided control an error), removes what it created, and the cancellation propagates.</param>
    /// <param name="interruptedBy">Names what cancelled the run (e.g. "SIGTERM"), for the report.</param>
    public static async Task<int> ExecuteAsync(Arguments arguments, TextWriter output, CancellationToken cancellationToken, Func<string>? interruptedBy = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var target = arguments.Text("target") ?? "reference";
        if (!Targets.Contains(target, StringComparer.Ordinal))
            throw new UsageException($"unknown target '{target}': use one of {string.Join(", ", Targets)}");
        var reportDirectory = Path.GetFullPath(arguments.Text("report-dir") ?? Path.Combine("artifacts", "report"));
        var tags = arguments.List("tags");
        TagFilter.Check(tags);
        var root = RepositoryLayout.Root();
        var suite = arguments.Text("suite") ?? SuiteRunner.DefaultAssembly(root);
        var runId = RunIds.New();
        var run = new RunState(target, runId, reportDirectory, root, tags, DateTimeOffset.UtcNow);

        if (arguments.Flag("what-if"))
        {
            return target == "kind"
                ? KindSession.WhatIf(arguments, runId, output)
                : throw new UsageException($"-WhatIf describes the kind target only, not '{target}': give -Target kind");
        }

        try
        {
            await using var session = target switch
            {
                "endpoint" => await EndpointSession.OpenAsync(arguments, runId, reportDirectory, cancellationToken).ConfigureAwait(false),
                "reference" => await ReferenceSession.OpenAsync(arguments, runId, reportDirectory, cancellationToken).ConfigureAwait(false),
                "existing" => await ExistingSession.OpenAsync(arguments, runId, reportDirectory, cancellationToken).ConfigureAwait(false),
                "kind" => await KindSession.OpenAsync(arguments, runId, reportDirectory, output, cancellationToken).ConfigureAwait(false),
                "k3s" => await K3sSession.OpenAsync(arguments, runId, reportDirectory, output, cancellationToken).ConfigureAwait(false),
                _ => throw new UsageException($"target '{target}' is not run by this command: use run-tests.ps1 -Target {target}, which picks the command"),
            };
            run.Session = session;
            arguments.RejectUnknown();
            var filter = TagFilter.For(session.Modes, tags);
            return await RunSuiteAsync(run, suite, filter, output, clock, interruptedBy, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !run.ReportPrepared)
        {
            // Interrupted while the target was being prepared (what it had started is already undone).
            WriteInterruptedReport(run, interruptedBy?.Invoke(), clock.Elapsed, output);
            throw;
        }
    }

    private static async Task<int> RunSuiteAsync(RunState run, string suite, string filter, TextWriter output, Stopwatch clock, Func<string>? interruptedBy, CancellationToken cancellationToken)
    {
        var session = run.Session!;
        PrepareReportDirectory(run.ReportDirectory);
        run.ReportPrepared = true;
        var work = Directory.CreateTempSubdirectory("kr-run-");
        run.WorkDirectory = work.FullName;
        try
        {
            var configurationPath = Path.Combine(work.FullName, "run.json");
            (session.Configuration with { ScenarioControls = TagFilter.ScenarioControls(session.Modes, run.Tags) }).Save(configurationPath);
            output.WriteLine($"KubeRaya conformance run {run.RunId}: target {run.Target}{(session.Configuration.IsTestDouble ? " (reference platform: a test double, not a cluster)" : "")}, report in {run.ReportDirectory}");
            await new SuiteRunner(suite).RunAsync(configurationPath, filter, work.FullName, output, cancellationToken).ConfigureAwait(false);
            if (session is ClusterSession cluster) await cluster.ExportLogsAsync(cancellationToken).ConfigureAwait(false);

            var summary = Summarise(run, DateTimeOffset.UtcNow);
            CopySuiteLog(work.FullName, run.ReportDirectory);
            var bundle = Report.Write(summary, run.ReportDirectory, run.Root);

            var counts = summary.Results.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
            int Count(Outcome o) => counts.TryGetValue(o, out var n) ? n : 0;
            foreach (var failure in summary.Results.Where(r => r.Outcome is Outcome.Failed or Outcome.Error))
                output.WriteLine($"  {failure.Outcome.ToString().ToUpperInvariant()} {failure.Control} {failure.Host}: expected {failure.Expected}; observed {failure.Observed}");
            output.WriteLine($"{summary.Outcome}: {Count(Outcome.Passed)} passed, {Count(Outcome.Failed) + Count(Outcome.Error)} failed, {Count(Outcome.Skipped)} skipped ({Count(Outcome.Error)} of the failed undecided) in {clock.Elapsed.TotalSeconds:0.0} s; report: {Path.Combine(run.ReportDirectory, "index.html")} (bundle digest {bundle.Digest})");
            return (int)SummaryBuilder.OutcomeOf(summary.Results);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Written before the session is disposed: the report is what the run owes; clean-up follows at once.
            WriteInterruptedReport(run, interruptedBy?.Invoke(), clock.Elapsed, output);
            throw;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static RunSummary Summarise(RunState run, DateTimeOffset finishedAt)
    {
        var records = run.ReportPrepared ? ResultLedger.Read(Path.Combine(run.ReportDirectory, ResultLedger.FileName)) : [];
        var environment = RunEnvironment.Describe(run.Root, run.RunId);
        foreach (var (key, value) in run.Session?.Environment ?? new Dictionary<string, string>()) environment[key] = value;
        var modes = run.Session?.Modes ?? (run.Target == "endpoint" ? ControlModes.Endpoint : ControlModes.Endpoint | ControlModes.Deploy);
        return SummaryBuilder.Build(run.Target, modes, run.Session?.JudgedHosts ?? [], records,
            run.Tags.Count == 0 ? null : TagFilter.SelectedControls(run.Tags), run.StartedAt, finishedAt, environment, run.Session?.Configuration.IsTestDouble ?? run.Target == "reference");
    }

    /// <summary>The report of an interrupted run: what the ledger holds, every undecided control an error, the run an error.</summary>
    private static void WriteInterruptedReport(RunState run, string? signal, TimeSpan elapsed, TextWriter output)
    {
        var by = string.IsNullOrEmpty(signal) ? "a signal" : signal;
        var reason = $"not decided: the run was interrupted by {by} after {elapsed.TotalSeconds:0.0} s, before any scenario decided this control";
        if (!run.ReportPrepared)
        {
            PrepareReportDirectory(run.ReportDirectory);
            run.ReportPrepared = true;
        }
        var summary = InterruptedSummary(Summarise(run, DateTimeOffset.UtcNow), reason, $"by {by} after {elapsed.TotalSeconds:0.0} s; every control not decided by then is an error");
        if (run.WorkDirectory is not null) CopySuiteLog(run.WorkDirectory, run.ReportDirectory);
        Report.Write(summary, run.ReportDirectory, run.Root);
        var undecided = summary.Results.Count(r => r.Outcome == Outcome.Error);
        output.WriteLine($"error: interrupted by {by} after {elapsed.TotalSeconds:0.0} s; {undecided} control result(s) undecided; report: {Path.Combine(run.ReportDirectory, "index.html")}");
    }

    /// <summary>Marks a summary as interrupted: outcome error whatever was decided, and the filled-in "not decided" results say why.</summary>
    public static RunSummary InterruptedSummary(RunSummary summary, string undecidedReason, string interruption)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var environment = new Dictionary<string, string>(summary.Environment, StringComparer.Ordinal) { ["interrupted"] = interruption };
        return summary with
        {
            Outcome = "error",
            Environment = environment,
            Results = summary.Results
                .Select(r => r.Outcome == Outcome.Error && r.Observed.StartsWith("no scenario decided", StringComparison.Ordinal) ? r with { Observed = undecidedReason } : r)
                .ToList(),
        };
    }

    /// <summary>What one run has got to, for the report of an interrupted run.</summary>
    private sealed class RunState(string target, string runId, string reportDirectory, string root, IReadOnlyList<string> tags, DateTimeOffset startedAt)
    {
        public string Target { get; } = target;
        public string RunId { get; } = runId;
        public string ReportDirectory { get; } = reportDirectory;
        public string Root { get; } = root;
        public IReadOnlyList<string> Tags { get; } = tags;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public ITargetSession? Session { get; set; }
        public bool ReportPrepared { get; set; }
        public string? WorkDirectory { get; set; }
    }

    private static void PrepareReportDirectory(string reportDirectory)
    {
        Directory.CreateDirectory(reportDirectory);
        foreach (var stale in new[] { ResultLedger.FileName, "summary.json" })
        {
            var path = Path.Combine(reportDirectory, stale);
            if (File.Exists(path)) File.Delete(path);
        }
        var evidence = Path.Combine(reportDirectory, "evidence");
        if (Directory.Exists(evidence)) Directory.Delete(evidence, recursive: true);
    }

    private static void CopySuiteLog(string work, string reportDirectory)
    {
        var log = Path.Combine(work, "suite.log");
        if (File.Exists(log)) File.Copy(log, Path.Combine(reportDirectory, "suite.log"), overwrite: true);
    }
}
