using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using KubeRaya.Conformance.Reporting;

namespace KubeRaya.Conformance.Calibration;

/// <summary>
/// <c>calibration.html</c>: one self-contained page (inline CSS, no script, nothing loaded) with a row per fault and
/// a link to each run's own report. Laid out by <c>Reporting/Templates/calibration.html.liquid</c>, rendered with
/// HTML encoding like the run report.
/// </summary>
public static class CalibrationPage
{
    /// <summary>The file name in the calibration folder.</summary>
    public const string FileName = "calibration.html";

    private static readonly Lazy<IFluidTemplate> Template = new(() => LiquidTemplates.Load("calibration.html.liquid"));
    private static readonly TemplateOptions Options = CreateOptions();

    /// <summary>The page's view of a calibration.</summary>
    /// <param name="report">The results.</param>
    /// <param name="faults">The fixtures, for the mistake and guidance of each fault (the baseline has none).</param>
    /// <param name="reports">Fault name to the relative link of its run report, where one was written.</param>
    /// <param name="wallTime">How long the calibration took.</param>
    /// <param name="finishedAt">When it finished.</param>
    public static CalibrationPageView View(CalibrationReport report, IReadOnlyList<CalibrationFault> faults, IReadOnlyDictionary<string, string> reports, TimeSpan wallTime, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(reports);
        var byName = faults.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var notCaught = report.Faults.Count(f => f.Verdict != CalibrationVerdict.Caught);
        return new CalibrationPageView
        {
            FinishedAt = finishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            WallTime = string.Create(CultureInfo.InvariantCulture, $"{wallTime.TotalSeconds:0} s"),
            Outcome = notCaught == 0 ? $"all {report.Faults.Count} runs as expected" : $"{notCaught} of {report.Faults.Count} runs not as expected",
            OutcomeClass = notCaught == 0 ? "o-conformant" : "o-nonconformant",
            Rows = report.Faults.Select(result =>
            {
                byName.TryGetValue(result.Fault, out var fault);
                var verdict = result.Verdict.ToString().ToLowerInvariant();
                return new CalibrationRowView
                {
                    Fault = result.Fault,
                    Kind = fault?.Kind.ToString().ToLowerInvariant() ?? "baseline",
                    Mistake = fault?.Mistake ?? "None: the reference platform as it is, and the apps as a conformance run deploys them. Every core control must pass.",
                    Guidance = fault is null ? "" : string.Join("; ", fault.Guidance.Select(g => $"\u201c{g}\u201d")),
                    Switches = fault is null ? "(none)" : string.Join(", ", fault.Switches),
                    Expected = result.Expected.Count == 0 ? "(none)" : string.Join(", ", result.Expected),
                    Failed = result.Failed.Count == 0 ? "(none)" : string.Join(", ", result.Failed),
                    Collateral = fault?.Collateral ?? "",
                    Verdict = verdict,
                    VerdictClass = result.Verdict == CalibrationVerdict.Caught ? "o-passed" : "o-failed",
                    Report = reports.GetValueOrDefault(result.Fault, ""),
                };
            }).ToList(),
        };
    }

    /// <summary>Renders the view as UTF-8 HTML.</summary>
    public static byte[] Render(CalibrationPageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Encoding.UTF8.GetBytes(Template.Value.Render(new TemplateContext(view, Options), HtmlEncoder.Default));
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.Register<CalibrationPageView>();
        options.MemberAccessStrategy.Register<CalibrationRowView>();
        return options;
    }
}
