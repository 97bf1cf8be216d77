using System.Text.Json;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// The append-only record of every verdict a run produced, one JSON object per line, written as each
/// verdict is reached so that a crash or an interruption loses nothing already decided.
/// Safe for concurrent scenarios in one process.
/// </summary>
public sealed class ResultLedger
{
    /// <summary>File name of the ledger inside the report directory.</summary>
    public const string FileName = "results.jsonl";

    private static readonly JsonSerializerOptions LineOptions = new(Runs.RunConfiguration.JsonOptions) { WriteIndented = false };
    private readonly object _gate = new();

    /// <summary>A ledger in the given report directory.</summary>
    public ResultLedger(string reportDirectory)
    {
        Directory.CreateDirectory(reportDirectory);
        Path = System.IO.Path.Combine(reportDirectory, FileName);
    }

    /// <summary>The ledger file.</summary>
    public string Path { get; }

    /// <summary>Appends one record and flushes it to disk.</summary>
    public void Append(ResultRecord record)
    {
        var line = JsonSerializer.Serialize(record, LineOptions);
        lock (_gate)
        {
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(line);
        }
    }

    /// <summary>Reads every record of a ledger file; a missing file reads as empty, a torn last line is ignored.</summary>
    public static IReadOnlyList<ResultRecord> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var records = new List<ResultRecord>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var record = JsonSerializer.Deserialize<ResultRecord>(line, Runs.RunConfiguration.JsonOptions);
                if (record is not null) records.Add(record);
            }
            catch (JsonException)
            {
                // A line torn by an interrupted write decides nothing.
            }
        }
        return records;
    }
}
