namespace KubeRaya.Conformance.Reporting;

// The view model of index.html: plain data, already ordered and worded, that the Liquid template only lays out.
// Every string here is shown HTML-encoded; nothing is trusted as markup.

/// <summary>Everything index.html shows.</summary>
public sealed record ReportView
{
    /// <summary>Target kind.</summary>
    public required string Target { get; init; }
    /// <summary>Whether the target is a test double rather than a cluster.</summary>
    public required bool TestDouble { get; init; }
    /// <summary>conformant, nonconformant or error.</summary>
    public required string Outcome { get; init; }
    /// <summary>Start time, ISO 8601 UTC.</summary>
    public required string StartedAt { get; init; }
    /// <summary>End time, ISO 8601 UTC.</summary>
    public required string FinishedAt { get; init; }
    /// <summary>Duration in words.</summary>
    public required string Duration { get; init; }
    /// <summary>Environment facts.</summary>
    public required IReadOnlyList<NameValueView> Environment { get; init; }
    /// <summary>Outcome and counts per profile (core, extended).</summary>
    public required IReadOnlyList<ProfileView> Profiles { get; init; }
    /// <summary>Counts over every result.</summary>
    public required CountsView Counts { get; init; }
    /// <summary>Matrix columns.</summary>
    public required IReadOnlyList<string> Hosts { get; init; }
    /// <summary>Matrix rows, failures first.</summary>
    public required IReadOnlyList<MatrixRowView> Matrix { get; init; }
    /// <summary>Control sections, failures first.</summary>
    public required IReadOnlyList<ControlView> Controls { get; init; }
    /// <summary>Notes about the report itself (features not found, files that could not be parsed).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>A name and a value.</summary>
public sealed record NameValueView(string Name, string Value);

/// <summary>How many results had each outcome.</summary>
public sealed record CountsView(int Passed, int Failed, int Skipped, int Error, int Total);

/// <summary>A profile's verdict and counts.</summary>
/// <param name="Name">core or extended.</param>
/// <param name="Verdict">For core: conformant, nonconformant or error; for extended: how many controls are supported.</param>
/// <param name="Outcome">passed, failed, error or skipped: the CSS class of the verdict.</param>
/// <param name="Counts">Result counts.</param>
public sealed record ProfileView(string Name, string Verdict, string Outcome, CountsView Counts);

/// <summary>One control's row of the matrix.</summary>
public sealed record MatrixRowView(string ControlId, string Title, string Anchor, string Profile, IReadOnlyList<MatrixCellView> Cells);

/// <summary>One control on one host: its outcome and a one-line reason; empty outcome when not judged on that host.</summary>
public sealed record MatrixCellView(string Outcome, string Reason);

/// <summary>One control's section.</summary>
public sealed record ControlView
{
    /// <summary>Control ID.</summary>
    public required string Id { get; init; }
    /// <summary>HTML id of the section.</summary>
    public required string Anchor { get; init; }
    /// <summary>What the control promises.</summary>
    public required string Title { get; init; }
    /// <summary>The guidance it comes from.</summary>
    public required string Guidance { get; init; }
    /// <summary>How the harness decides it.</summary>
    public required string Decision { get; init; }
    /// <summary>core or extended.</summary>
    public required string Profile { get; init; }
    /// <summary>Modes in which it can be decided.</summary>
    public required string Modes { get; init; }
    /// <summary>The worst outcome of its results.</summary>
    public required string Outcome { get; init; }
    /// <summary>Its results, failures first.</summary>
    public required IReadOnlyList<ResultView> Results { get; init; }
}

/// <summary>One result with everything needed to understand it.</summary>
public sealed record ResultView
{
    /// <summary>Host judged.</summary>
    public required string Host { get; init; }
    /// <summary>passed, failed, skipped or error.</summary>
    public required string Outcome { get; init; }
    /// <summary>What the control requires.</summary>
    public required string Expected { get; init; }
    /// <summary>What was observed, or the reason.</summary>
    public required string Observed { get; init; }
    /// <summary>Kubernetes object, for audit results.</summary>
    public string? Object { get; init; }
    /// <summary>File and line, for audit results.</summary>
    public string? Location { get; init; }
    /// <summary>The scenarios that produced it, with their text when found.</summary>
    public required IReadOnlyList<ScenarioView> Scenarios { get; init; }
    /// <summary>The evidence, when the result points to a file.</summary>
    public EvidenceView? Evidence { get; init; }
}

/// <summary>A scenario title and, when found in features/, its text.</summary>
public sealed record ScenarioView(string Title, string Source, string Text, bool Found);

/// <summary>An evidence file, read and laid out as facts and images.</summary>
/// <param name="Path">Bundle-relative path as recorded.</param>
/// <param name="Href">URL-escaped relative link to the file.</param>
/// <param name="Problem">Why it could not be shown, if so.</param>
/// <param name="Facts">Its content as labelled rows.</param>
/// <param name="Images">Screenshots, embedded.</param>
public sealed record EvidenceView(string Path, string Href, string? Problem, IReadOnlyList<EvidenceFact> Facts, IReadOnlyList<EvidenceImage> Images);

/// <summary>One row of evidence.</summary>
/// <param name="Depth">Nesting level, for indentation (0 to 6).</param>
/// <param name="Label">What the value is.</param>
/// <param name="Value">The value, as text; empty for headings.</param>
/// <param name="IsHeading">True for a group heading (a certificate, a request, ...).</param>
/// <param name="IsBlock">True for long or multi-line values shown preformatted.</param>
public sealed record EvidenceFact(int Depth, string Label, string Value, bool IsHeading, bool IsBlock);

/// <summary>An image of the bundle, embedded so the report stands alone.</summary>
/// <param name="Caption">What it shows.</param>
/// <param name="DataUri">data:image/...;base64,... of the file.</param>
/// <param name="Href">URL-escaped relative link to the file in the bundle.</param>
public sealed record EvidenceImage(string Caption, string DataUri, string Href);
