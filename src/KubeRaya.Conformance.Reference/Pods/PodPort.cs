namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>A container port of a pod.</summary>
/// <param name="Name">The port name from the pod template, if any.</param>
/// <param name="Number">The port number the echo listens on.</param>
public sealed record PodPort(string? Name, int Number);
