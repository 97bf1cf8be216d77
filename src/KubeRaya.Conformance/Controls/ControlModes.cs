namespace KubeRaya.Conformance.Controls;

/// <summary>The ways a control can be decided.</summary>
[Flags]
public enum ControlModes
{
    /// <summary>No mode.</summary>
    None = 0,
    /// <summary>Black-box probe of a live address, no cluster access.</summary>
    Endpoint = 1,
    /// <summary>The harness deploys sample apps into a cluster and probes them.</summary>
    Deploy = 2,
    /// <summary>Static check of Kubernetes objects, on disk or read from a cluster.</summary>
    Audit = 4,
}
