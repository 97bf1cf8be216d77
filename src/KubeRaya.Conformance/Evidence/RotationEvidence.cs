namespace KubeRaya.Conformance.Evidence;

/// <summary>What a continuous probe saw while the TLS Secret of a host was replaced.</summary>
public sealed record RotationEvidence
{
    /// <summary>The host probed.</summary>
    public required string Host { get; init; }
    /// <summary>SHA-256 fingerprint of the leaf served before the change.</summary>
    public required string OldFingerprint { get; init; }
    /// <summary>SHA-256 fingerprint of the leaf put into the Secret.</summary>
    public required string NewFingerprint { get; init; }
    /// <summary>Time from the Secret's replacement until the new leaf was served; null when it never was.</summary>
    public TimeSpan? NewServedAfter { get; init; }
    /// <summary>How long the probe watched after the replacement.</summary>
    public required TimeSpan ObservedFor { get; init; }
    /// <summary>How many requests the continuous probe made during the change.</summary>
    public required int ProbeCount { get; init; }
    /// <summary>The requests that failed, with their reasons.</summary>
    public IReadOnlyList<RotationProbeFailure> Failures { get; init; } = [];
    /// <summary>The requests whose first connection was refused gracefully before processing (HTTP/2 GOAWAY) and were
    /// sent once more on a new connection, as clients do; each counts as failed only when that second attempt failed.</summary>
    public IReadOnlyList<RotationProbeFailure> RefusedAndSentAgain { get; init; } = [];
}
