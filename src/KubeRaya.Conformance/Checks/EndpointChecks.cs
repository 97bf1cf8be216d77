using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;

namespace KubeRaya.Conformance.Checks;

/// <summary>
/// The E-mode controls, each judged on every public host: observe (once per run, through the
/// <see cref="Observatory"/>), then judge with a pure judge, and point the verdict at its evidence.
/// </summary>
public sealed class EndpointChecks(Observatory observatory, int renewalWindowDays, TimeProvider clock) : IAsyncDisposable
{
    /// <summary>The hosts every check judges.</summary>
    public IReadOnlyList<string> Hosts => observatory.Endpoints.Hosts;

    /// <summary>Makes the modern handshakes of every host (they feed several controls).</summary>
    public Task ObserveHandshakesAsync() => Task.WhenAll(Hosts.Select(observatory.HandshakeAsync));

    /// <summary>KR-TLS-01.</summary>
    public Task<IReadOnlyList<Verdict>> HttpsServedAsync() => EachHostAsync(async host =>
    {
        var tls = await observatory.HandshakeAsync(host).ConfigureAwait(false);
        return Cite(HttpsServedJudge.Judge(tls.Evidence), tls.EvidencePath);
    });

    /// <summary>KR-TLS-03.</summary>
    public Task<IReadOnlyList<Verdict>> ProtocolVersionsAsync() => EachHostAsync(async host =>
    {
        var tls = await observatory.HandshakeAsync(host).ConfigureAwait(false);
        var legacy = await observatory.LegacyProtocolsAsync(host).ConfigureAwait(false);
        return Cite(ProtocolVersionJudge.Judge(host, tls.Evidence, legacy.Evidence), legacy.EvidencePath);
    });

    /// <summary>KR-TLS-04.</summary>
    public Task<IReadOnlyList<Verdict>> CipherSuitesAsync() => EachHostAsync(async host =>
    {
        var tls = await observatory.HandshakeAsync(host).ConfigureAwait(false);
        var weak = await observatory.WeakCiphersAsync(host).ConfigureAwait(false);
        return Cite(CipherStrengthJudge.Judge(host, tls.Evidence, weak.Evidence), weak.EvidencePath);
    });

    /// <summary>KR-CERT-01.</summary>
    public Task<IReadOnlyList<Verdict>> CertificateNamesHostAsync() =>
        LeafAsync(leaf => CertificateNamesHostJudge.Judge(leaf.Host, leaf.Evidence.Leaf));

    /// <summary>KR-CERT-02.</summary>
    public Task<IReadOnlyList<Verdict>> ChainAsync() =>
        LeafAsync(tls => ChainTrustJudge.Judge(tls.Host, tls.Evidence));

    /// <summary>KR-CERT-03.</summary>
    public Task<IReadOnlyList<Verdict>> ValidityAsync() =>
        LeafAsync(tls => ValidityWindowJudge.Judge(tls.Host, tls.Evidence.Leaf, clock.GetUtcNow()));

    /// <summary>KR-CERT-04.</summary>
    public Task<IReadOnlyList<Verdict>> RenewalHeadroomAsync() =>
        LeafAsync(tls => RenewalHeadroomJudge.Judge(tls.Host, tls.Evidence.Leaf, clock.GetUtcNow(), renewalWindowDays));

    /// <summary>KR-CERT-05.</summary>
    public Task<IReadOnlyList<Verdict>> KeyStrengthAsync() =>
        LeafAsync(tls => KeyStrengthJudge.Judge(tls.Host, tls.Evidence.Leaf));

    /// <summary>KR-HTTP-01.</summary>
    public Task<IReadOnlyList<Verdict>> RedirectAsync() => EachHostAsync(async host =>
    {
        var plain = await observatory.PlainHttpAsync(host).ConfigureAwait(false);
        var secure = await observatory.HttpsAsync(host).ConfigureAwait(false);
        return Cite(RedirectJudge.Judge(host, plain.Evidence, observatory.Endpoints.HttpsPort, ApplicationMarkers.From(secure.Evidence)), plain.EvidencePath);
    });

    /// <summary>KR-HTTP-02.</summary>
    public Task<IReadOnlyList<Verdict>> HstsAsync() => EachHostAsync(async host =>
    {
        var secure = await observatory.HttpsAsync(host).ConfigureAwait(false);
        return Cite(HstsJudge.Judge(host, secure.Evidence), secure.EvidencePath);
    });

    /// <summary>KR-HOST-01.</summary>
    public Task<IReadOnlyList<Verdict>> UnknownHostsAsync() => EachHostAsync(async host =>
    {
        var scope = await observatory.HostScopeAsync(host).ConfigureAwait(false);
        var secure = await observatory.HttpsAsync(host).ConfigureAwait(false);
        return Cite(UnknownHostJudge.Judge(scope.Evidence, ApplicationMarkers.From(secure.Evidence)), scope.EvidencePath);
    });

    /// <summary>KR-HOST-02.</summary>
    public Task<IReadOnlyList<Verdict>> UnknownSniAsync() => EachHostAsync(async host =>
    {
        var scope = await observatory.HostScopeAsync(host).ConfigureAwait(false);
        return Cite(UnknownSniJudge.Judge(scope.Evidence), scope.EvidencePath);
    });

    /// <summary>KR-UX-01.</summary>
    public Task<IReadOnlyList<Verdict>> BrowserAsync() => EachHostAsync(async host =>
    {
        var visit = await observatory.BrowserAsync(host).ConfigureAwait(false);
        return BrowserJudge.Judge(visit.Evidence, visit.EvidencePath) with { Evidence = visit.EvidencePath };
    });

    /// <summary>KR-EXT-01.</summary>
    public Task<IReadOnlyList<Verdict>> Tls13Async() => EachHostAsync(async host =>
    {
        var tls13 = await observatory.Tls13HandshakeAsync(host).ConfigureAwait(false);
        var modern = await observatory.HandshakeAsync(host).ConfigureAwait(false);
        return Cite(Tls13Judge.Judge(host, tls13.Evidence, modern.Evidence), tls13.EvidencePath);
    });

    /// <summary>KR-EXT-02.</summary>
    public Task<IReadOnlyList<Verdict>> Http2Async() =>
        LeafAsync(tls => Http2Judge.Judge(tls.Host, tls.Evidence));

    private Task<IReadOnlyList<Verdict>> LeafAsync(Func<(string Host, Evidence.TlsHandshakeEvidence Evidence), Verdict> judge) => EachHostAsync(async host =>
    {
        var tls = await observatory.HandshakeAsync(host).ConfigureAwait(false);
        return Cite(judge((host, tls.Evidence)), tls.EvidencePath);
    });

    private async Task<IReadOnlyList<Verdict>> EachHostAsync(Func<string, Task<Verdict>> judgeHost) =>
        await Task.WhenAll(Hosts.Select(judgeHost)).ConfigureAwait(false);

    private static Verdict Cite(Verdict verdict, string evidencePath) => verdict with { Evidence = evidencePath };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => observatory.DisposeAsync();
}
