using System.Text;
using Gherkin;
using Gherkin.Ast;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// The scenarios of a features directory, parsed with the Gherkin parser SpecFlow uses, looked up by title so
/// that the report can show the very words a result was checked against.
/// </summary>
public sealed class FeatureScenarios
{
    private readonly Dictionary<string, ScenarioText> _byTitle;

    private FeatureScenarios(Dictionary<string, ScenarioText> byTitle, IReadOnlyList<string> problems)
    {
        _byTitle = byTitle;
        Problems = problems;
    }

    /// <summary>No features: every lookup misses.</summary>
    public static FeatureScenarios None { get; } = new(new Dictionary<string, ScenarioText>(StringComparer.Ordinal), []);

    /// <summary>Files that could not be parsed, with the parser's reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>How many scenarios were read.</summary>
    public int Count => _byTitle.Count;

    /// <summary>Parses every <c>*.feature</c> below a directory; a missing directory reads as none.</summary>
    public static FeatureScenarios Load(string? directory)
    {
        if (directory is null || !Directory.Exists(directory)) return None;
        var byTitle = new Dictionary<string, ScenarioText>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            GherkinDocument document;
            try
            {
                using var reader = new StreamReader(file);
                document = new Parser().Parse(reader);
            }
            catch (Exception ex) when (ex is CompositeParserException or ParserException or IOException)
            {
                problems.Add($"{relative}: {ex.Message}");
                continue;
            }
            if (document.Feature is null) continue;
            foreach (var scenario in Read(document.Feature, relative))
                byTitle.TryAdd(scenario.Title, scenario);
        }
        return new FeatureScenarios(byTitle, problems);
    }

    /// <summary>The scenario with this title, or null.</summary>
    public ScenarioText? Find(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return _byTitle.TryGetValue(title.Trim(), out var scenario) ? scenario : null;
    }

    private static IEnumerable<ScenarioText> Read(Feature feature, string file)
    {
        var background = feature.Children.OfType<Background>().FirstOrDefault();
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Scenario scenario:
                    yield return Describe(feature, null, background, scenario, file);
                    break;
                case Rule rule:
                    var ruleBackground = rule.Children.OfType<Background>().FirstOrDefault();
                    foreach (var scenario in rule.Children.OfType<Scenario>())
                        yield return Describe(feature, rule, ruleBackground ?? background, scenario, file);
                    break;
            }
        }
    }

    private static ScenarioText Describe(Feature feature, Rule? rule, Background? background, Scenario scenario, string file)
    {
        var text = new StringBuilder();
        var tags = feature.Tags.Concat(scenario.Tags).Select(t => t.Name).Distinct().ToList();
        if (tags.Count > 0) text.AppendLine(string.Join(' ', tags));
        text.AppendLine($"{feature.Keyword}: {feature.Name}");
        if (rule is not null) text.AppendLine($"  {rule.Keyword}: {rule.Name}");
        if (background is not null)
        {
            text.AppendLine($"  {background.Keyword}: {background.Name}".TrimEnd());
            AppendSteps(text, background.Steps);
        }
        text.AppendLine($"  {scenario.Keyword}: {scenario.Name}");
        AppendSteps(text, scenario.Steps);
        foreach (var examples in scenario.Examples)
        {
            text.AppendLine($"    {examples.Keyword}: {examples.Name}".TrimEnd());
            var rows = new List<TableRow>();
            if (examples.TableHeader is not null) rows.Add(examples.TableHeader);
            rows.AddRange(examples.TableBody ?? []);
            AppendTable(text, rows, "      ");
        }
        return new ScenarioText(scenario.Name.Trim(), feature.Name, $"{file}:{scenario.Location.Line}", text.ToString().TrimEnd());
    }

    private static void AppendSteps(StringBuilder text, IEnumerable<Step> steps)
    {
        foreach (var step in steps)
        {
            text.AppendLine($"    {step.Keyword.Trim()} {step.Text}");
            switch (step.Argument)
            {
                case DataTable table:
                    AppendTable(text, table.Rows.ToList(), "      ");
                    break;
                case DocString doc:
                    text.AppendLine("      " + doc.Delimiter);
                    foreach (var line in doc.Content.Split('\n')) text.AppendLine("      " + line.TrimEnd('\r'));
                    text.AppendLine("      " + doc.Delimiter);
                    break;
            }
        }
    }

    private static void AppendTable(StringBuilder text, IReadOnlyList<TableRow> rows, string indent)
    {
        if (rows.Count == 0) return;
        var cells = rows.Select(r => r.Cells.Select(c => c.Value).ToList()).ToList();
        var widths = Enumerable.Range(0, cells.Max(r => r.Count))
            .Select(i => cells.Max(r => i < r.Count ? r[i].Length : 0))
            .ToList();
        foreach (var row in cells)
            text.AppendLine(indent + "| " + string.Join(" | ", row.Select((value, i) => value.PadRight(widths[i]))) + " |");
    }
}
