namespace KubeRaya.Conformance.Evidence;

/// <summary>A request for one path of a host and what came back.</summary>
/// <param name="Path">The path requested, without query.</param>
/// <param name="Exchange">The exchange.</param>
public sealed record PathExchange(string Path, HttpExchangeEvidence Exchange);
