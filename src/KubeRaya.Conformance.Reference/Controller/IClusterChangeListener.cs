namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// What the API server calls after every accepted write (create, replace, patch, delete) of a Deployment, Service,
/// Ingress, IngressClass or Secret, with the whole new state. Implemented by <see cref="ReferenceDataPlane"/>.
/// </summary>
public interface IClusterChangeListener
{
    /// <summary>
    /// Records <paramref name="snapshot"/> as the latest desired state and schedules a reconcile; returns at once
    /// without blocking and never calls back into the caller on this thread. Snapshots coalesce: only the latest
    /// one is acted on.
    /// </summary>
    void OnClusterChanged(ClusterSnapshot snapshot);
}
