using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeRaya.Conformance.Runs;

/// <summary>
/// Everything one run needs, validated by the command line and handed to the SpecFlow suite as a JSON
/// file named by the environment variable <see cref="EnvironmentVariable"/>.
/// </summary>
public sealed record RunConfiguration
{
    /// <summary>The environment variable that names the configuration file.</summary>
    public const string EnvironmentVariable = "KR_RUN_CONFIG";

    /// <summary>A random, per-run identifier; labels every object the harness creates.</summary>
    public required string RunId { get; init; }
    /// <summary>endpoint, reference, existing, kind, k3s or audit.</summary>
    public required string Target { get; init; }
    /// <summary>The ingress address probes connect to (IP literal).</summary>
    public string? Address { get; init; }
    /// <summary>Plain HTTP port.</summary>
    public int HttpPort { get; init; } = 80;
    /// <summary>HTTPS port.</summary>
    public int HttpsPort { get; init; } = 443;
    /// <summary>Public host names to judge (endpoint mode; in deploy mode, filled with the sample app's hosts).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];
    /// <summary>PEM file of the CA certificates the served chains must lead to.</summary>
    public string? CaBundlePath { get; init; }
    /// <summary>Where the report bundle goes.</summary>
    public required string ReportDirectory { get; init; }
    /// <summary>Kubeconfig for deploy-mode targets.</summary>
    public string? Kubeconfig { get; init; }
    /// <summary>Kubeconfig context; null for the current one.</summary>
    public string? Context { get; init; }
    /// <summary>IngressClass to use in deploy mode; null for the cluster default.</summary>
    public string? IngressClass { get; init; }
    /// <summary>Renewal window for KR-CERT-04, in days.</summary>
    public int RenewalWindowDays { get; init; } = 30;
    /// <summary>Keep a failed scenario's namespace for inspection.</summary>
    public bool KeepOnFailure { get; init; }
    /// <summary>Whether the target is a test double (the reference platform) rather than a real cluster.</summary>
    public bool IsTestDouble { get; init; }
    /// <summary>The controls whose scenarios this run's filter selects (null: not known). A hint only, for starting slow
    /// observations (the browser's) before their scenario asks; it decides nothing.</summary>
    public IReadOnlyList<string>? ScenarioControls { get; init; }
    /// <summary>Calibration fault active on the reference platform, if any.</summary>
    public string? Fault { get; init; }

    /// <summary>JSON options used for every file the harness writes.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Reads the configuration named by <see cref="EnvironmentVariable"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable is unset or the file unreadable.</exception>
    public static RunConfiguration FromEnvironment()
    {
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidOperationException($"{EnvironmentVariable} is not set: run the suite through run-tests.ps1, which writes the run configuration.");
        return Load(path);
    }

    /// <summary>Reads a configuration file.</summary>
    public static RunConfiguration Load(string path) =>
        JsonSerializer.Deserialize<RunConfiguration>(File.ReadAllText(path), JsonOptions)
        ?? throw new InvalidOperationException($"{path} holds no run configuration.");

    /// <summary>Writes this configuration to a file.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
}
