namespace KubeRaya.Conformance.Targets;

/// <summary>The outcome of <see cref="ClusterPreflight"/>.</summary>
/// <param name="IngressClass">The IngressClass the suite deploys against (named or the default), null when none could be chosen.</param>
/// <param name="IngressController">That class's <c>spec.controller</c>, when known.</param>
/// <param name="Problems">One line per shortfall; empty when the cluster is ready for the suite.</param>
public sealed record PreflightResult(string? IngressClass, string? IngressController, IReadOnlyList<string> Problems)
{
    /// <summary>True when nothing is missing.</summary>
    public bool Passed => Problems.Count == 0;
}
