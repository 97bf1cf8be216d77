namespace KubeRaya.Conformance.Audit;

/// <summary>Where an audited object was declared: a file (or standard input) and the line its document starts on.</summary>
/// <param name="Path">The file path as found (relative when the audit was given a relative path), or <c>stdin</c>.</param>
/// <param name="Line">One-based line number.</param>
public sealed record ObjectOrigin(string Path, int Line)
{
    /// <summary><c>path:line</c>, the form verdicts carry in <see cref="Controls.Verdict.Location"/>.</summary>
    public override string ToString() => $"{Path}:{Line}";
}
