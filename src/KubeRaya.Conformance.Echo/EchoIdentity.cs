namespace KubeRaya.Conformance.Echo;

/// <summary>
/// Who this echo process is, from the environment: <c>POD_NAME</c>, <c>NAMESPACE</c> (or <c>POD_NAMESPACE</c>),
/// <c>SERVICE_NAME</c> and <c>INGRESS_NAME</c>, the variable names of the Gateway API conformance echo-basic image.
/// </summary>
/// <param name="Pod">The pod name (the host name when unset).</param>
/// <param name="Namespace">The namespace (empty when unset).</param>
/// <param name="Service">The Service name, when given.</param>
/// <param name="Ingress">The Ingress name, when given.</param>
public sealed record EchoIdentity(string Pod, string Namespace, string? Service, string? Ingress)
{
    /// <summary>Reads the identity from the environment.</summary>
    public static EchoIdentity FromEnvironment() => new(
        Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName,
        Environment.GetEnvironmentVariable("NAMESPACE") ?? Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? string.Empty,
        Environment.GetEnvironmentVariable("SERVICE_NAME"),
        Environment.GetEnvironmentVariable("INGRESS_NAME"));
}
