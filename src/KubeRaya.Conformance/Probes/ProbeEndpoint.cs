using System.Net;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Where probes connect: an IP address and the HTTP and HTTPS ports on it. Host names are never
/// resolved; they travel only as SNI and Host header (the <c>curl --resolve</c> model).
/// </summary>
/// <param name="Address">An IP literal, e.g. "127.0.0.1" or "::1".</param>
/// <param name="HttpPort">The plain HTTP port.</param>
/// <param name="HttpsPort">The HTTPS port.</param>
public sealed record ProbeEndpoint(string Address, int HttpPort, int HttpsPort)
{
    /// <summary>The IP literal connected to; anything else is refused, so no probe ever depends on DNS.</summary>
    public string Address { get; init; } = IPAddress.TryParse(Address, out _)
        ? Address
        : throw new ArgumentException($"A probe endpoint needs an IP address, not a name to resolve; got \"{Address}\".", nameof(Address));

    /// <summary>The plain HTTP port.</summary>
    public int HttpPort { get; init; } = ValidPort(HttpPort, nameof(HttpPort));

    /// <summary>The HTTPS port.</summary>
    public int HttpsPort { get; init; } = ValidPort(HttpsPort, nameof(HttpsPort));

    /// <summary>The parsed address.</summary>
    public IPAddress IpAddress => IPAddress.Parse(Address);

    /// <summary>The port for a scheme: "http" or "https".</summary>
    public int PortFor(string scheme) => scheme switch
    {
        "http" => HttpPort,
        "https" => HttpsPort,
        _ => throw new ArgumentException($"Probes speak \"http\" or \"https\", not \"{scheme}\".", nameof(scheme)),
    };

    /// <summary>The address as it appears in a URL authority or Host header: IPv6 in brackets.</summary>
    public string AuthorityHost => IpAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address;

    private static int ValidPort(int port, string name) =>
        port is > 0 and <= 65535 ? port : throw new ArgumentOutOfRangeException(name, port, "A TCP port is between 1 and 65535.");
}
