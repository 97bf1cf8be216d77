namespace KubeRaya.Conformance.Cli;

/// <summary>The content of <c>platform.json</c> written by <c>serve</c>.</summary>
/// <param name="IngressAddress">Where the platform's ingress listens (inside its own network namespace, reachable from this machine).</param>
/// <param name="HttpPort">Its plain HTTP port.</param>
/// <param name="HttpsPort">Its HTTPS port.</param>
/// <param name="CaBundle">Path of a PEM file with the CA certificate of the platform's API server (the kubeconfig's certificate-authority-data).</param>
public sealed record PlatformDescription(string IngressAddress, int HttpPort, int HttpsPort, string CaBundle);
