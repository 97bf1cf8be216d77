using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// Turns the verdicts of a run into its summary: one result per control per host, controls outside the
/// target's modes marked skipped with the reason, controls that should have been decided but were not
/// marked error, and the run's outcome computed from the core profile only.
/// </summary>
public static class SummaryBuilder
{
    /// <summary>Builds the summary.</summary>
    /// <param name="target">Target kind.</param>
    /// <param name="modes">Modes the target supports; controls in none of them are skipped.</param>
    /// <param name="hosts">Hosts every applicable control must be judged on (endpoint mode); empty when hosts vary per scenario.</param>
    /// <param name="records">What the scenarios recorded.</param>
    /// <param name="selected">Controls the run was asked to decide (all applicable ones when null).</param>
    /// <param name="startedAt">Start time.</param>
    /// <param name="finishedAt">End time.</param>
    /// <param name="environment">Environment facts for the report.</param>
    /// <param name="testDouble">Whether the target is the reference platform.</param>
    public static RunSummary Build(
        string target,
        ControlModes modes,
        IReadOnlyList<string> hosts,
        IReadOnlyList<ResultRecord> records,
        IReadOnlySet<string>? selected,
        DateTimeOffset startedAt,
        DateTimeOffset finishedAt,
        IReadOnlyDictionary<string, string> environment,
        bool testDouble)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(records);
        var results = new List<ResultRecord>();
        foreach (var control in ControlCatalogue.All)
        {
            var recorded = records.Where(r => r.Control == control.Id).ToList();
            if ((control.Modes & modes) == 0)
            {
                foreach (var host in HostsFor(hosts, recorded))
                    results.Add(Filled(control, host, Outcome.Skipped, $"not applicable: decided only in {DescribeModes(control.Modes)} mode, and target '{target}' offers {DescribeModes(modes)}"));
                continue;
            }

            if (selected is not null && !selected.Contains(control.Id) && recorded.Count == 0)
            {
                foreach (var host in HostsFor(hosts, recorded))
                    results.Add(Filled(control, host, Outcome.Skipped, "not selected: the run's tag filter excluded every scenario of this control"));
                continue;
            }

            var byHost = recorded.GroupBy(r => r.Host, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => Combine(g.ToList()), StringComparer.OrdinalIgnoreCase);
            foreach (var host in hosts.Where(h => !byHost.ContainsKey(h)))
                byHost[host] = Filled(control, host, Outcome.Error, "no scenario decided this control for this host: the run did not complete");
            if (byHost.Count == 0)
                byHost["(none)"] = Filled(control, "(none)", Outcome.Error, "no scenario decided this control: the run did not complete");
            results.AddRange(byHost.Values.OrderBy(r => r.Host, StringComparer.Ordinal));
        }

        return new RunSummary
        {
            Target = target,
            TestDouble = testDouble,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Outcome = OutcomeOf(results) switch
            {
                RunOutcome.Conformant => "conformant",
                RunOutcome.Nonconformant => "nonconformant",
                _ => "error",
            },
            Environment = environment,
            Results = results,
        };
    }

    /// <summary>The run's outcome: any failed core control makes it non-conformant; otherwise any undecided core control makes it an error.</summary>
    public static RunOutcome OutcomeOf(IEnumerable<ResultRecord> results)
    {
        var core = results.Where(r => ControlCatalogue.Contains(r.Control) && ControlCatalogue.Get(r.Control).Profile == Profile.Core).ToList();
        if (core.Any(r => r.Outcome == Outcome.Failed)) return RunOutcome.Nonconformant;
        if (core.Any(r => r.Outcome == Outcome.Error)) return RunOutcome.Error;
        return RunOutcome.Conformant;
    }

    /// <summary>Several scenarios may judge one control on one host: the worst outcome stands, and every non-passing observation is kept.</summary>
    internal static ResultRecord Combine(IReadOnlyList<ResultRecord> sameControlAndHost)
    {
        if (sameControlAndHost.Count == 1) return sameControlAndHost[0];
        var worst = sameControlAndHost.OrderBy(r => Severity(r.Outcome)).First();
        var notes = sameControlAndHost.Where(r => r.Outcome == worst.Outcome).Select(r => r.Observed).Distinct().ToList();
        var scenarios = sameControlAndHost.Where(r => r.Outcome == worst.Outcome).Select(r => r.Scenario).Distinct().ToList();
        return worst with
        {
            Observed = string.Join("; ", notes),
            Scenario = string.Join(" | ", scenarios),
        };
    }

    /// <summary>The order of severity: failed, then error (undecided), then passed, then skipped.</summary>
    internal static int Severity(Outcome outcome) => outcome switch
    {
        Outcome.Failed => 0,
        Outcome.Error => 1,
        Outcome.Passed => 2,
        _ => 3,
    };

    private static IEnumerable<string> HostsFor(IReadOnlyList<string> hosts, IReadOnlyList<ResultRecord> recorded) =>
        hosts.Count > 0 ? hosts : recorded.Count > 0 ? recorded.Select(r => r.Host).Distinct() : ["(all)"];

    private static ResultRecord Filled(Control control, string host, Outcome outcome, string reason) => new()
    {
        Control = control.Id,
        Host = host,
        Outcome = outcome,
        Expected = control.Decision,
        Observed = reason,
    };

    /// <summary>Modes in words, e.g. "endpoint/deploy".</summary>
    internal static string DescribeModes(ControlModes modes)
    {
        var names = new List<string>();
        if (modes.HasFlag(ControlModes.Endpoint)) names.Add("endpoint");
        if (modes.HasFlag(ControlModes.Deploy)) names.Add("deploy");
        if (modes.HasFlag(ControlModes.Audit)) names.Add("audit");
        return names.Count == 0 ? "no" : string.Join("/", names);
    }
}
