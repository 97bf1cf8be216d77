namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Random request paths and queries that no application declares, e.g. "/kr-dolor-x7k2qa/amet?sit=magnam",
/// for probing that undeclared paths and unknown hosts reach no application. Thread-safe.
/// </summary>
public static class RandomRequestPaths
{
    /// <summary>A path of two segments, the first a "kr-" label, and a one-pair query.</summary>
    public static string Next() => $"/{RandomNames.Label()}/{RandomNames.Word()}?{RandomNames.Word()}={RandomNames.Word()}";

    /// <summary>A path without a query, e.g. "/kr-dolor-x7k2qa/amet".</summary>
    public static string NextPath() => $"/{RandomNames.Label()}/{RandomNames.Word()}";
}
