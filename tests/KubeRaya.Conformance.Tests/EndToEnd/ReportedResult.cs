namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>One row of summary.json's results: a control's outcome on one host, and what was observed.</summary>
internal sealed record ReportedResult(string Control, string Host, string Outcome, string Observed)
{
    public override string ToString() => $"{Control} on {Host}: {Outcome} (observed: {Observed})";
}
