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
    public static async Task<int> ExecuteAsync(Arguments arguments, TextWriter output, CancellationToken cancellationToken)
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

        await using var session = target switch
        {
            "endpoint" => await EndpointSession.OpenAsync(arguments, runId, reportDirectory, cancellationToken).ConfigureAwait(false),
            "reference" => await ReferenceSession.OpenAsync(arguments, runId, reportDirectory, cancellationToken).ConfigureAwait(false),
            _ => throw new UsageException($"target '{target}' is not available in this build yet: use -Target reference or -Target endpoint"),
        };
        arguments.RejectUnknown();
        var filter = TagFilter.For(session.Modes, tags);

        PrepareReportDirectory(reportDirectory);
        var work = Directory.CreateTempSubdirectory("kr-run-");
        try
        {
            var configurationPath = Path.Combine(work.FullName, "run.json");
            session.Configuration.Save(configurationPath);
            var startedAt = DateTimeOffset.UtcNow;
            output.WriteLine($"KubeRaya conformance run {runId}: target {target}{(session.Configuration.IsTestDouble ? " (reference platform: a test double, not a cluster)" : "")}, report in {reportDirectory}");
            await new SuiteRunner(suite).RunAsync(configurationPath, filter, work.FullName, output, cancellationToken).ConfigureAwait(false);
            var finishedAt = DateTimeOffset.UtcNow;

            var records = ResultLedger.Read(Path.Combine(reportDirectory, ResultLedger.FileName));
            var environment = RunEnvironment.Describe(root, runId);
            foreach (var (key, value) in session.Environment) environment[key] = value;
            var summary = SummaryBuilder.Build(target, session.Modes, session.JudgedHosts, records,
                tags.Count == 0 ? null : TagFilter.SelectedControls(tags), startedAt, finishedAt, environment, session.Configuration.IsTestDouble);
            CopySuiteLog(work.FullName, reportDirectory);
            var bundle = Report.Write(summary, reportDirectory, root);

            var counts = summary.Results.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
            int Count(Outcome o) => counts.TryGetValue(o, out var n) ? n : 0;
            foreach (var failure in summary.Results.Where(r => r.Outcome is Outcome.Failed or Outcome.Error))
                output.WriteLine($"  {failure.Outcome.ToString().ToUpperInvariant()} {failure.Control} {failure.Host}: expected {failure.Expected}; observed {failure.Observed}");
            output.WriteLine($"{summary.Outcome}: {Count(Outcome.Passed)} passed, {Count(Outcome.Failed) + Count(Outcome.Error)} failed, {Count(Outcome.Skipped)} skipped ({Count(Outcome.Error)} of the failed undecided) in {clock.Elapsed.TotalSeconds:0.0} s; report: {Path.Combine(reportDirectory, "index.html")} (bundle digest {bundle.Digest})");
            return (int)SummaryBuilder.OutcomeOf(summary.Results);
        }
        finally
        {
            work.Delete(recursive: true);
        }
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
