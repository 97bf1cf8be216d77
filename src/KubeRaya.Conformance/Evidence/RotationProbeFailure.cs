namespace KubeRaya.Conformance.Evidence;

/// <summary>One request of the continuous probe that failed, or was refused gracefully and sent again, while a certificate rotated.</summary>
/// <param name="At">When it failed, counted from the moment the Secret was replaced.</param>
/// <param name="Reason">What went wrong, e.g. "connection reset" or "status 502".</param>
public sealed record RotationProbeFailure(TimeSpan At, string Reason);
