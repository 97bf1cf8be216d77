using System.Globalization;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-HTTP-02: an HTTPS response carries exactly one Strict-Transport-Security header (RFC 6797 §7.1: an HSTS host
/// must not send more than one), whose value parses per RFC 6797 §6.1 and whose max-age is at least the minimum
/// (15552000 s, 180 days, by default).
/// </summary>
public static class HstsJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-HTTP-02";

    /// <summary>The default minimum max-age: 180 days.</summary>
    public const long DefaultMinimumMaxAge = 15552000;

    /// <summary>Judges one HTTPS response from a host.</summary>
    public static Verdict Judge(string host, HttpExchangeEvidence httpsResponse, long minMaxAge = DefaultMinimumMaxAge)
    {
        ArgumentNullException.ThrowIfNull(httpsResponse);
        var expected = $"one Strict-Transport-Security header with max-age >= {minMaxAge.ToString(CultureInfo.InvariantCulture)}";
        if (!string.Equals(httpsResponse.Scheme, "https", StringComparison.OrdinalIgnoreCase)
            || (httpsResponse.HostHeader is not null && !HostNameMatcher.SameName(httpsResponse.HostHeader, host)))
        {
            return Verdict.Undecided(ControlId, host, expected,
                $"the evidence is a {httpsResponse.Scheme} request with Host {EvidenceText.Quote(httpsResponse.HostHeader)}; HSTS counts only on HTTPS responses for {host}");
        }
        if (httpsResponse.Status is null)
        {
            return Verdict.Undecided(ControlId, host, expected, $"no HTTPS response to inspect: {EvidenceText.Exchange(httpsResponse)}");
        }
        var headers = EvidenceText.Values(httpsResponse, "strict-transport-security");
        if (headers.Count == 0)
        {
            return Verdict.Fail(ControlId, host, expected, $"status {httpsResponse.Status} without a Strict-Transport-Security header");
        }
        var shown = "Strict-Transport-Security: " + string.Join(" | ", headers);
        if (headers.Count > 1)
        {
            return Verdict.Fail(ControlId, host, expected, $"{headers.Count} Strict-Transport-Security headers ({shown}); RFC 6797 allows one");
        }
        if (!StrictTransportSecurityPolicy.TryParse(headers[0], out var policy, out var problem))
        {
            return Verdict.Fail(ControlId, host, expected, $"{shown}: invalid, {problem}; a browser ignores it");
        }
        var observed = $"{shown} (max-age {policy!.MaxAge.ToString(CultureInfo.InvariantCulture)} s = {(policy.MaxAge / 86400.0).ToString("0.##", CultureInfo.InvariantCulture)} days"
            + $"{(policy.IncludeSubDomains ? ", includeSubDomains" : "")}{(policy.Preload ? ", preload" : "")})";
        return policy.MaxAge >= minMaxAge
            ? Verdict.Pass(ControlId, host, expected, observed)
            : Verdict.Fail(ControlId, host, expected, observed);
    }
}
