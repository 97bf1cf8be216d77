namespace KubeRaya.Conformance.Reporting;

/// <summary>A Gherkin scenario as written in <c>features/</c>: what the run promised to check, in words.</summary>
/// <param name="Title">The scenario's title, as results name it.</param>
/// <param name="Feature">The feature it belongs to.</param>
/// <param name="Source">File (relative to the features directory) and line, e.g. <c>tls.feature:12</c>.</param>
/// <param name="Text">The scenario as it reads: tags, background steps, its steps with tables and doc strings, examples.</param>
public sealed record ScenarioText(string Title, string Feature, string Source, string Text);
