using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-HOST-01: every request with an unrouted Host, without SNI, or addressed by IP, over HTTP and HTTPS, gets 404 or
/// 421 and none of the application's content (<see cref="ApplicationFingerprint"/>). Any other status fails, 200 above all.
/// </summary>
/// <remarks>
/// An HTTPS request whose handshake is refused (no SNI, or an SNI naming no tenant) is accepted: the ingress declined
/// to serve TLS for a name it does not host (nginx's ssl_reject_handshake, the unrecognized_name alert of RFC 6066),
/// so no application content can flow. This holds only while the evidence shows the ingress answering something
/// else; otherwise a refusal cannot be told from an outage and the control is undecided. A plain-HTTP request that
/// gets no response is undecided too: HTTP has no handshake to refuse, and a closed connection reads the same as an
/// outage. The evidence must cover an unrouted Host and an IP address over both schemes and a request without SNI;
/// a response body is judged only when the application's content can be recognised (a 2xx baseline or markers).
/// </remarks>
public static class UnknownHostJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-HOST-01";

    /// <summary>Judges the unrouted requests made around one routed host.</summary>
    public static Verdict Judge(HostScopeEvidence evidence, IReadOnlyList<string>? applicationMarkers = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        const string expected = "requests with an unrouted Host, without SNI and addressed by IP, over HTTP and HTTPS, get 404 or 421 with none of the application's content";
        var findings = new Findings();
        var application = ApplicationFingerprint.From(evidence.ApplicationBaseline, applicationMarkers);
        var answered = HostScopeFacts.IngressAnswered(evidence);
        var bodyUnjudged = false;
        foreach (var (label, exchange) in evidence.Exchanges)
        {
            var what = $"{label}: {EvidenceText.Exchange(exchange)}";
            if (exchange.Status is null)
            {
                JudgeNoResponse(evidence, exchange, what, answered, findings);
                continue;
            }
            var content = application.Recognise(exchange.Body);
            if (exchange.Status is not (404 or 421))
            {
                findings.Fail(content is null ? what : $"{what} and {content}");
            }
            else if (content is not null)
            {
                findings.Fail($"{what} but {content}");
            }
            else
            {
                bodyUnjudged |= !application.KnowsApplication && !string.IsNullOrWhiteSpace(exchange.Body);
            }
        }
        if (bodyUnjudged)
        {
            findings.Undecided("response bodies cannot be checked for application content: no 2xx response of the application and no markers to recognise it by");
        }
        foreach (var missing in MissingVariants(evidence))
        {
            findings.Undecided($"the evidence has no {missing}");
        }
        var observed = string.Join("; ", evidence.Exchanges.Select(e => $"{e.Label}: {EvidenceText.Exchange(e.Exchange)}"));
        return findings.Conclude(ControlId, evidence.Host, expected, observed);
    }

    private static void JudgeNoResponse(HostScopeEvidence evidence, HttpExchangeEvidence exchange, string what, bool answered, Findings findings)
    {
        var https = string.Equals(exchange.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        if (!https)
        {
            findings.Undecided($"{what}: a plain-HTTP request without a response cannot be told from an outage");
        }
        else if (HostScopeFacts.IsTenant(evidence, exchange.Sni))
        {
            findings.Undecided($"{what}: the handshake named tenant host {exchange.Sni} and still failed");
        }
        else if (!answered)
        {
            findings.Undecided($"{what}: the HTTPS port answered nothing in the evidence, so a refused handshake cannot be told from an outage");
        }
    }

    private static IEnumerable<string> MissingVariants(HostScopeEvidence evidence)
    {
        foreach (var scheme in new[] { "http", "https" })
        {
            var over = evidence.Exchanges.Select(e => e.Exchange).Where(e => string.Equals(e.Scheme, scheme, StringComparison.OrdinalIgnoreCase)).ToList();
            if (!over.Any(e => e.HostHeader is not null && !HostNameMatcher.IsIpLiteral(e.HostHeader) && !HostScopeFacts.IsTenant(evidence, e.HostHeader)))
            {
                yield return $"{scheme} request with an unrouted Host";
            }
            if (!over.Any(e => e.HostHeader is null || HostNameMatcher.IsIpLiteral(e.HostHeader)))
            {
                yield return $"{scheme} request addressed by IP";
            }
        }
        if (!evidence.Exchanges.Any(e => string.Equals(e.Exchange.Scheme, "https", StringComparison.OrdinalIgnoreCase) && e.Exchange.Sni is null))
        {
            yield return "https request without SNI";
        }
    }
}
