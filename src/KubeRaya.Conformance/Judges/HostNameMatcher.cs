using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// Whether a certificate's DNS subjectAltNames name a host, per RFC 6125 as the control catalogue narrows it:
/// case-insensitive (ASCII only), one trailing dot ignored, a wildcard only as the complete left-most label
/// covering exactly one label and never directly under a single-label suffix ("*.com"), IDNA A-labels compared
/// as given (never converted), the subject CN ignored, IP SANs never naming a host, and an IP-literal host never
/// named by any DNS SAN.
/// </summary>
/// <remarks>
/// Without a public-suffix list a wildcard under a multi-label public suffix ("*.co.uk") is not recognised as
/// such; only patterns with fewer than three labels are rejected.
/// </remarks>
public static class HostNameMatcher
{
    /// <summary>Whether one DNS SAN pattern names the host.</summary>
    public static bool Matches(string host, string dnsSanPattern)
    {
        if (!TryLabels(host, out var hostLabels) || IsIpLiteral(hostLabels) || hostLabels.Any(l => l.Contains('*', StringComparison.Ordinal)))
        {
            return false;
        }
        if (!TryLabels(dnsSanPattern, out var patternLabels) || patternLabels.Skip(1).Any(l => l.Contains('*', StringComparison.Ordinal)))
        {
            return false;
        }
        if (hostLabels.Length != patternLabels.Length)
        {
            return false;
        }
        var wildcard = patternLabels[0].Contains('*', StringComparison.Ordinal);
        if (wildcard && (patternLabels[0] != "*" || patternLabels.Length < 3))
        {
            return false;
        }
        var first = wildcard ? 1 : 0;
        for (var i = first; i < hostLabels.Length; i++)
        {
            if (!string.Equals(hostLabels[i], patternLabels[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether any DNS SAN of the certificate names the host. The CN and IP SANs are never consulted.</summary>
    public static bool Names(CertificateEvidence cert, string host) => MatchingName(cert, host) is not null;

    /// <summary>The first DNS SAN of the certificate that names the host, or null.</summary>
    public static string? MatchingName(CertificateEvidence cert, string host)
    {
        ArgumentNullException.ThrowIfNull(cert);
        return cert.DnsNames.FirstOrDefault(pattern => Matches(host, pattern));
    }

    /// <summary>Whether two host names are the same name (case-insensitive, one trailing dot ignored; no wildcards).</summary>
    public static bool SameName(string? first, string? second) =>
        first is not null && second is not null
        && TryLabels(first, out var a) && TryLabels(second, out var b)
        && a.SequenceEqual(b, StringComparer.Ordinal);

    /// <summary>Whether the host is an IP literal: an IPv6 address (contains ':') or a name whose last label is
    /// numeric (decimal or 0x-hex), which URL parsers read as an IPv4 address and no TLD can be.</summary>
    public static bool IsIpLiteral(string host) =>
        host is not null && (host.Contains(':', StringComparison.Ordinal) || (TryLabels(host, out var labels) && IsIpLiteral(labels)));

    private static bool IsIpLiteral(string[] labels)
    {
        var last = labels[^1];
        if (last.All(char.IsAsciiDigit))
        {
            return true;
        }
        return last.StartsWith("0x", StringComparison.Ordinal) && last[2..].All(char.IsAsciiHexDigit);
    }

    /// <summary>Splits a name into lower-cased labels after dropping one trailing dot; false for anything that
    /// is not a plausible DNS name (empty labels, whitespace, controls, or URL/IPv6 delimiters).</summary>
    private static bool TryLabels(string? name, out string[] labels)
    {
        labels = [];
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        var trimmed = name.EndsWith('.') ? name[..^1] : name;
        if (trimmed.Length == 0 || trimmed.Any(IsForbidden))
        {
            return false;
        }
        labels = LowerAscii(trimmed).Split('.');
        return labels.All(l => l.Length > 0);
    }

    private static bool IsForbidden(char c) =>
        c <= ' ' || c == '\u007f' || c is ':' or '/' or '\\' or '@' or '[' or ']' or '?' or '#' or '%';

    private static string LowerAscii(string value) =>
        string.Create(value.Length, value, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] + 32) : source[i];
            }
        });
}
