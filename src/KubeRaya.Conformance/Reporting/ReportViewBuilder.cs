using System.Globalization;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// Turns a run summary, the evidence files of its bundle and the scenario texts into what index.html shows:
/// failures first, each result with the control's words, the scenario that ran and the evidence it left.
/// </summary>
public static class ReportViewBuilder
{
    /// <summary>Longest reason shown in a matrix cell; the full text is in the control's section.</summary>
    public const int MatrixReasonLength = 140;

    /// <summary>Builds the view.</summary>
    public static ReportView Build(RunSummary summary, string bundleDirectory, FeatureScenarios scenarios)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(scenarios);
        var hosts = summary.Results.Select(r => r.Host).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var controls = summary.Results
            .GroupBy(r => r.Control, StringComparer.Ordinal)
            .OrderBy(g => Severity(Worst(g)))
            .ThenBy(g => CatalogueIndex(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        return new ReportView
        {
            Target = summary.Target,
            TestDouble = summary.TestDouble,
            Outcome = summary.Outcome,
            StartedAt = Time(summary.StartedAt),
            FinishedAt = Time(summary.FinishedAt),
            Duration = Duration(summary.FinishedAt - summary.StartedAt),
            Environment = summary.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new NameValueView(e.Key, e.Value)).ToList(),
            Profiles = [CoreProfile(summary.Results), ExtendedProfile(summary.Results)],
            Counts = Count(summary.Results),
            Hosts = hosts,
            Matrix = controls.Select(g => Row(g.Key, g.ToList(), hosts)).ToList(),
            Controls = controls.Select(g => Section(g.Key, g.ToList(), bundleDirectory, scenarios)).ToList(),
            Notes = Notes(scenarios),
        };
    }

    private static MatrixRowView Row(string id, IReadOnlyList<ResultRecord> results, IReadOnlyList<string> hosts)
    {
        var cells = hosts.Select(host =>
        {
            var onHost = results.Where(r => r.Host == host).OrderBy(r => Severity(r.Outcome)).ToList();
            if (onHost.Count == 0) return new MatrixCellView("", "");
            var worst = onHost[0];
            var more = onHost.Count > 1 ? $" (+{onHost.Count - 1} more)" : "";
            return new MatrixCellView(Name(worst.Outcome), OneLine(worst.Observed) + more);
        }).ToList();
        return new MatrixRowView(id, Control(id)?.Title ?? "(not in the control catalogue)", Anchor(id), Control(id)?.Profile.ToString().ToLowerInvariant() ?? "", cells);
    }

    private static ControlView Section(string id, IReadOnlyList<ResultRecord> results, string bundleDirectory, FeatureScenarios scenarios)
    {
        var control = Control(id);
        return new ControlView
        {
            Id = id,
            Anchor = Anchor(id),
            Title = control?.Title ?? "(not in the control catalogue)",
            Guidance = control?.Guidance ?? "",
            Decision = control?.Decision ?? "",
            Profile = control?.Profile.ToString().ToLowerInvariant() ?? "",
            Modes = control is null ? "" : SummaryBuilder.DescribeModes(control.Modes),
            Outcome = Name(Worst(results)),
            Results = results
                .OrderBy(r => Severity(r.Outcome))
                .ThenBy(r => r.Host, StringComparer.Ordinal)
                .Select(r => Result(r, bundleDirectory, scenarios))
                .ToList(),
        };
    }

    private static ResultView Result(ResultRecord record, string bundleDirectory, FeatureScenarios scenarios) => new()
    {
        Host = record.Host,
        Outcome = Name(record.Outcome),
        Expected = record.Expected,
        Observed = record.Observed,
        Object = record.Object,
        Location = record.Location,
        Scenarios = record.Scenario
            .Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(title => scenarios.Find(title) is { } found
                ? new ScenarioView(found.Title, found.Source, found.Text, true)
                : new ScenarioView(title, "", "", false))
            .ToList(),
        Evidence = record.Evidence is null ? null : EvidenceRenderer.Render(bundleDirectory, record.Evidence),
    };

    private static ProfileView CoreProfile(IReadOnlyList<ResultRecord> results)
    {
        var core = InProfile(results, Profile.Core);
        if (core.Count == 0) return new ProfileView("core", "no core control was judged", "skipped", Count(core));
        return SummaryBuilder.OutcomeOf(core) switch
        {
            RunOutcome.Conformant => new ProfileView("core", "conformant", "passed", Count(core)),
            RunOutcome.Nonconformant => new ProfileView("core", "nonconformant", "failed", Count(core)),
            _ => new ProfileView("core", "error: not every core control was decided", "error", Count(core)),
        };
    }

    private static ProfileView ExtendedProfile(IReadOnlyList<ResultRecord> results)
    {
        var extended = InProfile(results, Profile.Extended);
        var byControl = extended.GroupBy(r => r.Control, StringComparer.Ordinal).ToList();
        var supported = byControl.Count(g => g.All(r => r.Outcome == Outcome.Passed));
        var verdict = $"{supported} of {byControl.Count} extended controls supported";
        return new ProfileView("extended", verdict, byControl.Count > 0 && supported == byControl.Count ? "passed" : "skipped", Count(extended));
    }

    private static List<ResultRecord> InProfile(IReadOnlyList<ResultRecord> results, Profile profile) =>
        results.Where(r => Control(r.Control)?.Profile == profile).ToList();

    private static IReadOnlyList<string> Notes(FeatureScenarios scenarios)
    {
        var notes = new List<string>();
        if (scenarios.Count == 0)
            notes.Add("Scenario texts are not shown: no features directory was given to the report writer, or it holds no scenarios.");
        notes.AddRange(scenarios.Problems.Select(p => $"A feature file could not be parsed: {p}"));
        return notes;
    }

    private static CountsView Count(IReadOnlyCollection<ResultRecord> results) => new(
        results.Count(r => r.Outcome == Outcome.Passed),
        results.Count(r => r.Outcome == Outcome.Failed),
        results.Count(r => r.Outcome == Outcome.Skipped),
        results.Count(r => r.Outcome == Outcome.Error),
        results.Count);

    private static Control? Control(string id) => ControlCatalogue.Contains(id) ? ControlCatalogue.Get(id) : null;

    private static int CatalogueIndex(string id)
    {
        for (var i = 0; i < ControlCatalogue.All.Count; i++)
            if (ControlCatalogue.All[i].Id == id) return i;
        return int.MaxValue;
    }

    private static Outcome Worst(IEnumerable<ResultRecord> results) =>
        results.Select(r => r.Outcome).OrderBy(Severity).First();

    private static int Severity(Outcome outcome) => SummaryBuilder.Severity(outcome);

    private static string Name(Outcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Anchor(string id) => "control-" + EvidenceFiles.Safe(id);

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= MatrixReasonLength ? line : line[..(MatrixReasonLength - 1)] + "…";
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        return span.TotalMinutes >= 1
            ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
            : $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
    }
}
