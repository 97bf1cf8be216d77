namespace KubeRaya.Conformance.Audit;

/// <summary>Input the audit could not read: a malformed document, or a kind the cluster refused to list.</summary>
/// <param name="Origin">File and line of a malformed document; null for a problem reading a cluster.</param>
/// <param name="Message">What went wrong, in words.</param>
public sealed record LoadProblem(ObjectOrigin? Origin, string Message)
{
    /// <summary><c>path:line</c>, or <c>cluster</c>.</summary>
    public string Where => Origin?.ToString() ?? "cluster";
}
