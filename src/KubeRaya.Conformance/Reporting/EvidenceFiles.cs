using System.Text;
using System.Text.Json;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// Where scenarios keep evidence in the report bundle: <c>evidence/&lt;control&gt;/&lt;host&gt;-&lt;label&gt;.&lt;ext&gt;</c>,
/// written as JSON with the harness's options. Returns the bundle-relative path a result records.
/// </summary>
public static class EvidenceFiles
{
    /// <summary>The evidence folder inside the bundle.</summary>
    public const string Folder = "evidence";

    /// <summary>A fresh bundle-relative path (with '/') for a new evidence file; never one that exists already.</summary>
    public static string PathFor(string reportDirectory, string control, string host, string label, string extension)
    {
        ArgumentNullException.ThrowIfNull(reportDirectory);
        var stem = $"{Folder}/{Safe(control)}/{Safe(host)}-{Safe(label)}";
        var candidate = $"{stem}.{Safe(extension.TrimStart('.'))}";
        for (var n = 2; File.Exists(Path.Combine(reportDirectory, candidate)); n++)
            candidate = $"{stem}-{n}.{Safe(extension.TrimStart('.'))}";
        return candidate;
    }

    /// <summary>Writes an evidence record as JSON and returns its bundle-relative path.</summary>
    public static string Write<T>(string reportDirectory, string control, string host, string label, T evidence)
    {
        var relative = PathFor(reportDirectory, control, host, label, "json");
        var full = Path.Combine(reportDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, JsonSerializer.Serialize(evidence, Runs.RunConfiguration.JsonOptions));
        return relative;
    }

    /// <summary>A file-name-safe form: letters, digits, '.', '-' and '_' kept, anything else '_'.</summary>
    public static string Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && builder.Length > 0) ? c : '_');
        var safe = builder.ToString().Trim('.');
        return safe.Length == 0 ? "_" : safe.Length > 80 ? safe[..80] : safe;
    }
}
