namespace KubeRaya.Conformance.Reporting;

/// <summary>Private key material found in a file. Says where and what kind, never the material itself.</summary>
/// <param name="File">Bundle-relative path (or the name the content was scanned under).</param>
/// <param name="Kind">What was found, e.g. a PEM private key header (quoted as found) or "private key bytes (base64)".</param>
public sealed record KeyMaterialFinding(string File, string Kind)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Kind}";
}
