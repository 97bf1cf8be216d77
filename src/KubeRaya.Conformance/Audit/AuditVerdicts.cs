using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>How audit judges word and place their verdicts.</summary>
internal static class AuditVerdicts
{
    /// <summary>The verdict, naming the object it is about and where that object was declared.</summary>
    public static Verdict About(this Verdict verdict, AuditedObject subject) =>
        verdict with { Object = subject.Reference, Location = subject.Location };

    /// <summary>The verdict with the remedy appended to what was observed, unless it passed.</summary>
    public static Verdict WithFix(this Verdict verdict, string fix) =>
        verdict.Outcome is Outcome.Failed or Outcome.Error
            ? verdict with { Observed = $"{verdict.Observed.TrimEnd('.')}. Fix: {fix}" }
            : verdict;

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
