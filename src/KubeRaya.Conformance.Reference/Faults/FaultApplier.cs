namespace KubeRaya.Conformance.Reference.Faults;

/// <summary>Which part of the reference platform puts a fault into effect.</summary>
public enum FaultApplier
{
    /// <summary>The nginx configuration the controller renders.</summary>
    Controller,

    /// <summary>The pod processes and how they are exposed.</summary>
    Pods,

    /// <summary>The Kubernetes API server (it rewrites objects as they are stored).</summary>
    ApiServer,
}
