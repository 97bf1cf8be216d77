namespace KubeRaya.Conformance.Workloads;

/// <summary>The labels every object the harness creates carries, so clean-up deletes exactly what it made.</summary>
public static class RunLabels
{
    /// <summary>The run that created the object.</summary>
    public const string Run = "conformance.kuberaya.io/run";
    /// <summary>Who manages the object.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    /// <summary>The value of <see cref="ManagedBy"/>.</summary>
    public const string Harness = "kuberaya-conformance";

    /// <summary>The labels for one run.</summary>
    public static Dictionary<string, string> For(string runId) => new(StringComparer.Ordinal)
    {
        [Run] = runId,
        [ManagedBy] = Harness,
    };

    /// <summary>A label selector matching exactly one run's objects.</summary>
    public static string Selector(string runId) => $"{Run}={runId},{ManagedBy}={Harness}";
}
