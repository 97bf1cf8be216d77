namespace KubeRaya.Conformance.Reporting;

/// <summary>What the report writer needs besides the summary.</summary>
public sealed record ReportOptions
{
    /// <summary>The features directory, so the report can show the text of each scenario that ran; null to show titles only.</summary>
    public string? FeaturesDirectory { get; init; }

    /// <summary>The private keys the run handled (e.g. of the TLS Secrets it created); the bundle is searched for their bytes.
    /// PEM private key headers are searched for in any case.</summary>
    public KeyMaterialScanner? KeyMaterial { get; init; }
}
