using System.Net.Security;
using System.Security.Authentication;

namespace KubeRaya.Conformance.Probes;

/// <summary>What the TLS probe offers. The defaults are a modern client's.</summary>
public sealed record TlsProbeOptions
{
    /// <summary>Protocol versions offered; <see cref="SslProtocols.None"/> (the default) lets the system offer
    /// what it considers secure. <see cref="SslProtocols.Tls13"/> alone checks that TLS 1.3 is served.</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.None;

    /// <summary>ALPN protocols offered, in order; default h2, http/1.1. Empty offers no ALPN.</summary>
    public IReadOnlyList<SslApplicationProtocol> ApplicationProtocols { get; init; } =
        [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];

    /// <summary>Whether to send <c>GET /</c> with the Host header over the completed handshake and record the status.</summary>
    public bool SendRequest { get; init; } = true;

    /// <summary>Only TLS 1.3 offered.</summary>
    public static TlsProbeOptions Tls13Only { get; } = new() { Protocols = SslProtocols.Tls13 };
}
