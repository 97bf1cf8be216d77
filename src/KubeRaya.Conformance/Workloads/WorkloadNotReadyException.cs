namespace KubeRaya.Conformance.Workloads;

/// <summary>A deployed app did not become ready within its named timeout; the run cannot decide its controls.</summary>
public sealed class WorkloadNotReadyException(string message) : Exception(message);
