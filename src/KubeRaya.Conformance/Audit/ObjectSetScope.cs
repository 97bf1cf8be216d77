namespace KubeRaya.Conformance.Audit;

/// <summary>How much of the world an <see cref="ObjectSet"/> holds, which decides what an absent object means.</summary>
public enum ObjectSetScope
{
    /// <summary>Manifests on disk: an object not in the set may still exist elsewhere, so its absence decides nothing.</summary>
    Manifests,
    /// <summary>Read from a live cluster: an object not in the set does not exist in the namespaces read.</summary>
    Cluster,
}
