using System.Net.Security;

namespace KubeRaya.Conformance.Probes;

/// <summary>Bounds and offers of the HTTP probe. What a server sends beyond a bound is cut, never buffered.</summary>
public sealed record HttpProbeOptions
{
    /// <summary>Body bytes kept; the rest is cut and the exchange marked truncated. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Response header bytes accepted; a longer header section fails the exchange. Default 64 KiB.
    /// Enforced in whole KiB (rounded up), the unit of the HTTP client's limit.</summary>
    public int MaxHeaderBytes { get; init; } = 64 * 1024;

    /// <summary>ALPN protocols offered over HTTPS, in order. Default h2, http/1.1 (as browsers do);
    /// the exchange speaks HTTP/2 when the server selects h2 and HTTP/1.1 otherwise.</summary>
    public IReadOnlyList<SslApplicationProtocol> ApplicationProtocols { get; init; } =
        [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];
}
