using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-EXT-03 (extended): an Ingress that requires basic authentication answers 401 with a Basic challenge
/// (WWW-Authenticate, as RFC 9110 requires of a 401) without credentials, and 200 with them.
/// An application served openly without credentials means the platform does not support it: skipped, "unsupported".
/// Authentication that is enforced but broken (a 401 without a challenge, valid credentials refused, another status)
/// fails.
/// </summary>
public static class BasicAuthJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-EXT-03";

    /// <summary>Judges a request without credentials and one with valid credentials to the same host.</summary>
    public static Verdict Judge(string host, HttpExchangeEvidence withoutCredentials, HttpExchangeEvidence withCredentials)
    {
        ArgumentNullException.ThrowIfNull(withoutCredentials);
        ArgumentNullException.ThrowIfNull(withCredentials);
        const string expected = "401 with a Basic challenge without credentials, 200 with valid credentials";
        var observed = $"without credentials {EvidenceText.Exchange(withoutCredentials)}; with credentials {EvidenceText.Exchange(withCredentials)}";
        if (withoutCredentials.Status is null || withCredentials.Status is null)
        {
            return Verdict.Undecided(ControlId, host, expected, observed);
        }
        if (withoutCredentials.Status is >= 200 and < 300)
        {
            return Verdict.Skip(ControlId, host, expected, $"unsupported: the application is served without credentials ({observed})");
        }
        var findings = new Findings();
        if (withoutCredentials.Status != 401)
        {
            findings.Fail($"without credentials {EvidenceText.Exchange(withoutCredentials)}, not 401");
        }
        else if (!EvidenceText.Values(withoutCredentials, "www-authenticate").Any(c => c.TrimStart().StartsWith("Basic", StringComparison.OrdinalIgnoreCase)))
        {
            findings.Fail($"401 without a Basic challenge (WWW-Authenticate {EvidenceText.List(EvidenceText.Values(withoutCredentials, "www-authenticate"))})");
        }
        if (withCredentials.Status != 200)
        {
            findings.Fail($"with valid credentials {EvidenceText.Exchange(withCredentials)}, not 200");
        }
        return findings.Conclude(ControlId, host, expected, observed);
    }
}
