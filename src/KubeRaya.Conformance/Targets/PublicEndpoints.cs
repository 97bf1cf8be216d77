using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Targets;

/// <summary>Where the ingress is and which public hosts it serves: what every E-mode scenario probes.</summary>
/// <param name="Address">The ingress address (IP literal); probes connect here whatever DNS says.</param>
/// <param name="HttpPort">Plain HTTP port.</param>
/// <param name="HttpsPort">HTTPS port.</param>
/// <param name="Hosts">Public host names to judge.</param>
/// <param name="CaBundle">The CA certificates served chains must lead to.</param>
/// <param name="CaBundlePath">The same bundle as a PEM file (for the browser).</param>
public sealed record PublicEndpoints(string Address, int HttpPort, int HttpsPort, IReadOnlyList<string> Hosts, X509Certificate2Collection CaBundle, string CaBundlePath);
