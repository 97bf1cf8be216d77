using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Reporting;

namespace KubeRaya.Conformance.Calibration;

/// <summary>
/// Judges one calibration run, purely: which core controls failed (a failed or undecided result on any host counts,
/// since an undecided control is never a pass), and whether that proves the fault caught, missed or overreached.
/// </summary>
public static class CalibrationClassifier
{
    /// <summary>The name of the run without any fault.</summary>
    public const string Baseline = "baseline";

    /// <summary>The core controls with at least one failed or undecided result, sorted.</summary>
    public static IReadOnlyList<string> FailedCoreControls(IEnumerable<ResultRecord> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results
            .Where(r => r.Outcome is Outcome.Failed or Outcome.Error)
            .Select(r => r.Control)
            .Where(id => ControlCatalogue.Contains(id) && ControlCatalogue.Get(id).Profile == Profile.Core)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Missed when an expected control did not fail; otherwise overreached when another core control failed;
    /// otherwise caught. A run that wrote no summary proves nothing: missed.
    /// </summary>
    /// <param name="fault">The fault's name.</param>
    /// <param name="expected">The core controls that must fail (none for the baseline).</param>
    /// <param name="summary">The run's summary, or null when the run could not complete.</param>
    public static CalibrationResult Classify(string fault, IReadOnlyCollection<string> expected, RunSummary? summary)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var wanted = expected.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (summary is null) return new CalibrationResult(fault, wanted, [], CalibrationVerdict.Missed);
        var failed = FailedCoreControls(summary.Results);
        var verdict = wanted.Except(failed, StringComparer.Ordinal).Any() ? CalibrationVerdict.Missed
            : failed.Except(wanted, StringComparer.Ordinal).Any() ? CalibrationVerdict.Overreached
            // The baseline must also be conformant: no control failed, and the run decided everything it ran.
            : wanted.Count == 0 && summary.Outcome != "conformant" ? CalibrationVerdict.Overreached
            : CalibrationVerdict.Caught;
        return new CalibrationResult(fault, wanted, failed, verdict);
    }
}
