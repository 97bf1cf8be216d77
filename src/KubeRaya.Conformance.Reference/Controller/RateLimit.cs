namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>A limit_req zone for one Ingress's limit-rps annotation, keyed by client address.</summary>
/// <param name="Zone">The zone name.</param>
/// <param name="RequestsPerSecond">The rate.</param>
/// <param name="Burst">The burst allowed before requests are refused with 503.</param>
public sealed record RateLimit(string Zone, int RequestsPerSecond, int Burst);
