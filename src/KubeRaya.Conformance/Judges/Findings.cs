using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// What a judge found while reading its evidence: contradictions of the control (failures) and gaps that keep it
/// from deciding (undecided). A definite contradiction outweighs a gap; only evidence with neither passes.
/// </summary>
internal sealed class Findings
{
    private readonly List<string> failures = [];
    private readonly List<string> undecided = [];

    /// <summary>Whether nothing has been found against the control or in the way of deciding it yet.</summary>
    public bool Clean => failures.Count == 0 && undecided.Count == 0;

    /// <summary>Records something observed that contradicts the control.</summary>
    public void Fail(string observed) => failures.Add(observed);

    /// <summary>Records why the evidence cannot decide the control.</summary>
    public void Undecided(string reason) => undecided.Add(reason);

    /// <summary>Failed when anything contradicts the control, else error when anything is undecided, else passed.</summary>
    public Verdict Conclude(string control, string host, string expected, string passedObserved)
    {
        if (failures.Count > 0)
        {
            var observed = string.Join("; ", failures);
            if (undecided.Count > 0)
            {
                observed += "; also undecided: " + string.Join("; ", undecided);
            }
            return Verdict.Fail(control, host, expected, observed);
        }
        return undecided.Count > 0
            ? Verdict.Undecided(control, host, expected, string.Join("; ", undecided))
            : Verdict.Pass(control, host, expected, passedObserved);
    }
}
