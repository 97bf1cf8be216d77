namespace KubeRaya.Conformance.Controls;

/// <summary>What a judge decided about one control on one host (or one object, in audit mode).</summary>
/// <param name="Control">The control ID.</param>
/// <param name="Host">The host name judged (for audit: the host or object the finding is about).</param>
/// <param name="Outcome">Passed, failed, skipped or error.</param>
/// <param name="Expected">What the control requires, concretely.</param>
/// <param name="Observed">What was seen on the wire or in the object.</param>
public sealed record Verdict(string Control, string Host, Outcome Outcome, string Expected, string Observed)
{
    /// <summary>For audit results: <c>Kind/namespace/name</c>.</summary>
    public string? Object { get; init; }

    /// <summary>For audit results from files: <c>path:line</c>.</summary>
    public string? Location { get; init; }

    /// <summary>Relative path of the evidence file in the report bundle, if any.</summary>
    public string? Evidence { get; init; }

    /// <summary>A passed verdict.</summary>
    public static Verdict Pass(string control, string host, string expected, string observed) =>
        new(control, host, Outcome.Passed, expected, observed);

    /// <summary>A failed verdict.</summary>
    public static Verdict Fail(string control, string host, string expected, string observed) =>
        new(control, host, Outcome.Failed, expected, observed);

    /// <summary>A skipped verdict; the reason goes in <see cref="Observed"/>.</summary>
    public static Verdict Skip(string control, string host, string expected, string reason) =>
        new(control, host, Outcome.Skipped, expected, reason);

    /// <summary>An undecidable verdict; the reason goes in <see cref="Observed"/>.</summary>
    public static Verdict Undecided(string control, string host, string expected, string reason) =>
        new(control, host, Outcome.Error, expected, reason);
}
