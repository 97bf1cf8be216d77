namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>The lifecycle of a reference pod, as Kubernetes reports it in status.phase (plus readiness).</summary>
public enum PodPhase
{
    /// <summary>Not started: no address or port was free for it (host-network replicas beyond the first).</summary>
    Pending,

    /// <summary>The process runs; whether it answers HTTP yet is <see cref="PodState.Ready"/>.</summary>
    Running,

    /// <summary>The process exited without being asked to; it is not restarted.</summary>
    Failed,
}
