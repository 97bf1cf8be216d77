using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Checks;

/// <summary>A scenario's control failed or could not be decided; the message says where, what was expected and what was seen.</summary>
public sealed class ControlFailedException : Exception
{
    /// <summary>Builds the message from the verdicts that did not pass.</summary>
    public ControlFailedException(IReadOnlyList<Verdict> notPassed)
        : base(Describe(notPassed))
    {
        NotPassed = notPassed;
    }

    /// <summary>The verdicts that failed or were undecided.</summary>
    public IReadOnlyList<Verdict> NotPassed { get; }

    /// <summary>Throws when any verdict failed or was undecided; passed and skipped verdicts are fine.</summary>
    public static void ThrowIfAnyNotPassed(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var bad = verdicts.Where(v => v.Outcome is Outcome.Failed or Outcome.Error).ToList();
        if (bad.Count > 0) throw new ControlFailedException(bad);
    }

    private static string Describe(IReadOnlyList<Verdict> verdicts) =>
        string.Join(Environment.NewLine, verdicts.Select(v =>
            $"{v.Control} {(v.Outcome == Outcome.Failed ? "failed" : "could not be decided")} on {v.Host}: expected {v.Expected}; observed {v.Observed}" +
            (v.Evidence is null ? "" : $"; evidence: {v.Evidence}")));
}
