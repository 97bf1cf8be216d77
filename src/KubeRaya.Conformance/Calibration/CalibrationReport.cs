using System.Text.Json;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Calibration;

/// <summary>The content of <c>calibration.json</c>, schema version 1: one result per fault, the baseline first.</summary>
public sealed record CalibrationReport
{
    /// <summary>The file name in the calibration folder.</summary>
    public const string FileName = "calibration.json";

    /// <summary>Always 1 for this shape.</summary>
    public int SchemaVersion { get; init; } = 1;
    /// <summary>The baseline, then every fault.</summary>
    public required IReadOnlyList<CalibrationResult> Faults { get; init; }

    /// <summary>True when the baseline is conformant and every fault was caught.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AllCaught => Faults.Count > 0 && Faults.All(f => f.Verdict == CalibrationVerdict.Caught);

    /// <summary>Writes <see cref="FileName"/> into <paramref name="directory"/>; returns its path.</summary>
    public string Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this, RunConfiguration.JsonOptions));
        return path;
    }

    /// <summary>Reads a calibration.json.</summary>
    public static CalibrationReport Read(string path) =>
        JsonSerializer.Deserialize<CalibrationReport>(File.ReadAllText(path), RunConfiguration.JsonOptions)
        ?? throw new InvalidDataException($"{path} holds no calibration report");
}
