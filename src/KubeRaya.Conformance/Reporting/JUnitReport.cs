using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// <c>junit.xml</c> for CI: one test suite per control family, one test case per control per host
/// (classname <c>&lt;family&gt;.&lt;control ID&gt;</c>, name = the host), failures carrying expected and observed,
/// skipped results their reason, undecided results as errors.
/// </summary>
public static class JUnitReport
{
    /// <summary>The file name inside the bundle.</summary>
    public const string FileName = "junit.xml";

    /// <summary>Renders the summary as JUnit XML (UTF-8 bytes).</summary>
    public static byte[] Render(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var timestamp = summary.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var seconds = Seconds(summary.FinishedAt - summary.StartedAt);
        var suites = summary.Results
            .GroupBy(Family)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Suite(g.Key, g.ToList(), summary, timestamp))
            .ToList();
        var root = new XElement("testsuites",
            new XAttribute("name", $"KubeRaya conformance ({Clean(summary.Target)})"),
            Counts(summary.Results),
            new XAttribute("time", seconds),
            new XAttribute("timestamp", timestamp),
            suites);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return stream.ToArray();
    }

    private static XElement Suite(string family, IReadOnlyList<ResultRecord> results, RunSummary summary, string timestamp)
    {
        var properties = new XElement("properties",
            Property("target", summary.Target),
            Property("testDouble", summary.TestDouble ? "true" : "false"),
            Property("outcome", summary.Outcome),
            summary.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Property(e.Key, e.Value)));
        return new XElement("testsuite",
            new XAttribute("name", family),
            Counts(results),
            new XAttribute("time", "0"),
            new XAttribute("timestamp", timestamp),
            properties,
            results.Select(Case));
    }

    private static XElement Case(ResultRecord result)
    {
        var title = ControlCatalogue.Contains(result.Control) ? ControlCatalogue.Get(result.Control).Title : "(not in the control catalogue)";
        var name = result.Object is null ? result.Host : $"{result.Host} ({result.Object})";
        var element = new XElement("testcase",
            new XAttribute("classname", $"{Family(result)}.{Clean(result.Control)}"),
            new XAttribute("name", Clean(name)),
            new XAttribute("time", "0"));
        var details = Details(result, title);
        switch (result.Outcome)
        {
            case Outcome.Failed:
                element.Add(new XElement("failure",
                    new XAttribute("message", Clean($"expected: {result.Expected}; observed: {result.Observed}")),
                    new XAttribute("type", "failed"),
                    Clean(details)));
                break;
            case Outcome.Error:
                element.Add(new XElement("error",
                    new XAttribute("message", Clean($"undecided: {result.Observed}")),
                    new XAttribute("type", "error"),
                    Clean(details)));
                break;
            case Outcome.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", Clean(result.Observed))));
                break;
            default:
                element.Add(new XElement("system-out", Clean(details)));
                break;
        }
        return element;
    }

    private static string Details(ResultRecord result, string title)
    {
        var lines = new List<string>
        {
            $"Control: {result.Control} {title}",
            $"Host: {result.Host}",
            $"Expected: {result.Expected}",
            $"Observed: {result.Observed}",
        };
        if (result.Scenario.Length > 0) lines.Add($"Scenario: {result.Scenario}");
        if (result.Object is not null) lines.Add($"Object: {result.Object}");
        if (result.Location is not null) lines.Add($"Location: {result.Location}");
        if (result.Evidence is not null) lines.Add($"Evidence: {result.Evidence}");
        return string.Join("\n", lines);
    }

    private static XAttribute[] Counts(IReadOnlyCollection<ResultRecord> results) =>
    [
        new("tests", results.Count),
        new("failures", results.Count(r => r.Outcome == Outcome.Failed)),
        new("errors", results.Count(r => r.Outcome == Outcome.Error)),
        new("skipped", results.Count(r => r.Outcome == Outcome.Skipped)),
    ];

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", Clean(name)), new XAttribute("value", Clean(value)));

    private static string Family(ResultRecord result)
    {
        var parts = result.Control.Split('-');
        return Clean(parts.Length >= 2 ? parts[1] : result.Control);
    }

    private static string Seconds(TimeSpan span) =>
        Math.Max(0, span.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Replaces characters XML 1.0 cannot carry (text from the wire may hold any).</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:x4}");
            }
        }
        return builder.ToString();
    }
}
