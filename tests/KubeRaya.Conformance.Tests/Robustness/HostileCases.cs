using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Xunit;
using static KubeRaya.Conformance.Tests.Robustness.HostileBehaviours;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// The hostile endpoints, as data: how each is started, which E-mode controls it breaks, whether the browser visits
/// it (Chromium is slow to start, so only a few do), and the words KR-TLS-01's verdict must use to say what went wrong.
/// </summary>
internal sealed record HostileCase(string Name, Func<HostileServer> Start, bool WithBrowser, string HttpsServedReason)
{
    /// <summary>Every control an endpoint target decides.</summary>
    public static IReadOnlySet<string> AllEndpointControls { get; } =
        ControlCatalogue.All.Where(c => c.Modes.HasFlag(ControlModes.Endpoint)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

    private static readonly string Host = EndpointRun.Host;

    // A server whose plain-HTTP port redirects correctly legitimately passes KR-HTTP-01; one whose TLS side is sound
    // legitimately passes the certificate and protocol controls. Everything else it breaks.
    private static IReadOnlySet<string> AllBut(params string[] kept) => AllEndpointControls.Except(kept).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlySet<string> Only(params string[] broken) => broken.ToHashSet(StringComparer.Ordinal);

    private static readonly string[] WebControls = ["KR-HTTP-01", "KR-HTTP-02", "KR-HOST-01", "KR-HOST-02", "KR-UX-01"];

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("accepts TCP and never speaks", () => HostileServer.Start("silent", AllEndpointControls, SilentAsync, SilentAsync),
            WithBrowser: true, "accepted the TCP connection but sent no TLS answer within the handshake timeout"),
        new("redirects correctly on HTTP but never speaks on HTTPS",
            () => HostileServer.Start("silent HTTPS", AllBut("KR-HTTP-01"), CorrectRedirect(Host), SilentAsync),
            WithBrowser: false, "accepted the TCP connection but sent no TLS answer within the handshake timeout"),
        new("speaks plain HTTP on the HTTPS port",
            () => HostileServer.Start("plain HTTP on HTTPS", AllBut("KR-HTTP-01"), CorrectRedirect(Host), PlainApplicationAsync),
            WithBrowser: true, "does not speak TLS: it answered in plain HTTP"),
        new("sends a TLS alert", () => HostileServer.Start("TLS alert", AllEndpointControls, AlertAsync, AlertAsync),
            WithBrowser: false, "refused the TLS handshake with a fatal alert handshake_failure"),
        new("sends garbage bytes", () => HostileServer.Start("garbage", AllEndpointControls, GarbageAsync, GarbageAsync),
            WithBrowser: false, "The TLS handshake with 127.0.0.1:"),
        new("closes mid-handshake", () => HostileServer.Start("closes mid-handshake", AllEndpointControls, CloseMidResponseAsync, CloseMidHandshakeAsync),
            WithBrowser: false, "The TLS handshake with 127.0.0.1:"),
        new("answers one byte a second",
            () => HostileServer.Start("one byte a second", AllEndpointControls, SlowRedirectAsync, SlowTls(TestCertificates.Shared.Valid(Host))),
            WithBrowser: false, "started but did not complete within the handshake timeout"),
        new("sends a 10 MB header",
            () => HostileServer.Start("10 MB header", Only(["KR-TLS-01", .. WebControls]), HugeHeaderAsync, HugeHeaderTls(TestCertificates.Shared.Valid(Host))),
            WithBrowser: false, "exceeded the probe's bound"),
        new("sends a chain of 50 certificates",
            () => HostileServer.Start("50-certificate chain", Only(["KR-CERT-02", .. WebControls]), ApplicationAsync, ApplicationTls(LongChain.Context(Host))),
            WithBrowser: false, "HTTP status 200"),
        new("redirects to itself",
            () => HostileServer.Start("redirect to itself", Only(WebControls), SelfRedirectAsync, SelfRedirectTls(TestCertificates.Shared.Valid(Host))),
            WithBrowser: true, "HTTP status 301"),
    ];

    public static TheoryData<string> Names { get; } = new(All.Select(c => c.Name));

    public static HostileCase Named(string name) => All.Single(c => c.Name == name);

    public override string ToString() => Name;
}
