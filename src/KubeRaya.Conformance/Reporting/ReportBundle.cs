namespace KubeRaya.Conformance.Reporting;

/// <summary>A report bundle as written.</summary>
/// <param name="Directory">Where it is.</param>
/// <param name="Digest">The manifest's digest of the file list: print it where the run is recorded, so the bundle can be checked against it later.</param>
/// <param name="Files">Every file of the bundle except manifest.json.</param>
public sealed record ReportBundle(string Directory, string Digest, IReadOnlyList<ManifestEntry> Files);
