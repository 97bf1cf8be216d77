using System.Diagnostics;
using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reporting;
using KubeRaya.Conformance.Targets;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// <c>audit</c>: judges Kubernetes objects, from manifests (<c>--path DIR|FILE|-</c>) or a live cluster
/// (<c>--kubeconfig PATH [--context] [--namespace]</c>), with the same controls, report and exit codes as a run.
/// </summary>
public static class AuditCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> ExecuteAsync(Arguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        arguments.Text("target");
        var path = arguments.Text("path");
        var kubeconfig = arguments.Text("kubeconfig");
        var context = arguments.Text("context");
        var ns = arguments.Text("namespace");
        var reportDirectory = Path.GetFullPath(arguments.Text("report-dir") ?? Path.Combine("artifacts", "report"));
        var renewal = arguments.Text("renewal-days");
        var renewalDays = 30;
        if (renewal is not null && (!int.TryParse(renewal, out renewalDays) || renewalDays < 0))
            throw new UsageException($"-RenewalDays '{renewal}' is not a number of days: give a whole number such as 30");
        arguments.RejectUnknown();
        if ((path is null) == (kubeconfig is null))
            throw new UsageException("audit needs exactly one source: -Path DIR|FILE|- for manifests, or -Kubeconfig PATH for a live cluster");

        var runner = new AuditRunner(new AuditOptions { RenewalWindowDays = renewalDays });
        var startedAt = DateTimeOffset.UtcNow;
        IReadOnlyList<Verdict> verdicts;
        var environment = RunEnvironment.Describe(RepositoryLayout.Root(), RunIds.New());
        try
        {
            if (path is not null)
            {
                verdicts = await runner.AuditManifestsAsync([path], cancellationToken, path == "-" ? Console.In : null).ConfigureAwait(false);
                environment["target"] = "audit of manifests (static check of Kubernetes objects)";
                environment["source"] = path == "-" ? "standard input" : Path.GetFullPath(path);
            }
            else
            {
                var (connection, version) = await ClusterConnection.OpenAsync(kubeconfig!, context, Timeouts.FromEnvironment().Connect.Value * 2, cancellationToken).ConfigureAwait(false);
                using (connection)
                {
                    verdicts = await runner.AuditClusterAsync(connection.Client, ns, cancellationToken).ConfigureAwait(false);
                }
                environment["target"] = "audit of a live cluster (static check of Kubernetes objects)";
                environment["apiServer"] = connection.Server;
                environment["kubernetesVersion"] = version;
                environment["namespace"] = ns ?? "(all)";
            }
        }
        catch (AuditInputException e)
        {
            throw new UsageException(e.Message);
        }
        catch (ClusterConnectionException e)
        {
            throw e.IsConfigurationError ? new UsageException(e.Message) : new IncompleteRunException(e.Message);
        }

        Directory.CreateDirectory(reportDirectory);
        var records = verdicts.Select(v => ResultRecord.From(v, "static audit")).ToList();
        var summary = SummaryBuilder.Build("audit", ControlModes.Audit, [], records, null, startedAt, DateTimeOffset.UtcNow, environment, testDouble: false);
        var bundle = Report.Write(summary, reportDirectory, RepositoryLayout.Root());
        foreach (var finding in summary.Results.Where(r => r.Outcome is Outcome.Failed or Outcome.Error))
            output.WriteLine($"  {finding.Outcome.ToString().ToUpperInvariant()} {finding.Control} {(finding.Object is null ? finding.Host : finding.Object + (finding.Location is null ? "" : " at " + finding.Location))}: {finding.Observed}");
        int Count(Outcome o) => summary.Results.Count(r => r.Outcome == o);
        output.WriteLine($"{summary.Outcome}: {Count(Outcome.Passed)} passed, {Count(Outcome.Failed) + Count(Outcome.Error)} failed, {Count(Outcome.Skipped)} skipped ({Count(Outcome.Error)} of the failed undecided) in {clock.Elapsed.TotalSeconds:0.0} s; report: {Path.Combine(reportDirectory, "index.html")} (bundle digest {bundle.Digest})");
        return (int)SummaryBuilder.OutcomeOf(summary.Results);
    }
}
