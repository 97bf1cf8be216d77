namespace KubeRaya.Conformance.Reporting;

/// <summary>Thrown when a report bundle would contain private key material; nothing of the report was written.</summary>
public sealed class KeyMaterialFoundException : Exception
{
    /// <summary>An exception listing the findings.</summary>
    public KeyMaterialFoundException(IReadOnlyList<KeyMaterialFinding> findings)
        : base("The report was not written because private key material was found in the bundle: "
               + string.Join("; ", (findings ?? throw new ArgumentNullException(nameof(findings))).Select(f => f.ToString()))
               + ". Remove the key from the evidence and write the report again.")
    {
        Findings = findings;
    }

    /// <summary>Where key material was found.</summary>
    public IReadOnlyList<KeyMaterialFinding> Findings { get; }
}
