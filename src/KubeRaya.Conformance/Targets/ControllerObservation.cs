namespace KubeRaya.Conformance.Targets;

/// <summary>What the readiness wait saw of an ingress controller: for the report's environment.</summary>
/// <param name="ReadyPods">Controller pods Ready.</param>
/// <param name="Image">The image the controller runs (as the kubelet reports it).</param>
/// <param name="Admission">How admission was checked.</param>
public sealed record ControllerObservation(int ReadyPods, string Image, string Admission);
