namespace KubeRaya.Conformance.Checks;

/// <summary>Evidence together with where it was written in the report bundle.</summary>
/// <typeparam name="T">The evidence type.</typeparam>
/// <param name="Evidence">What was observed.</param>
/// <param name="EvidencePath">Path of the evidence file relative to the report directory.</param>
public sealed record Observation<T>(T Evidence, string EvidencePath);
