using System.Text.RegularExpressions;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// What an IANA cipher-suite name says about its strength. Strong means AEAD with forward secrecy: every TLS 1.3
/// suite, and TLS 1.2 ECDHE/DHE suites whose bulk cipher is GCM, CCM or ChaCha20-Poly1305, all with full-length
/// tags (the 8-byte-tag CCM_8 suites are not strong). Names not in IANA
/// form (hex codes, OpenSSL spellings) are not classified. Letter case is not significant.
/// </summary>
public static partial class CipherSuiteStrength
{
    /// <summary>The weakness families a weak-suite offer must cover between them.</summary>
    public static readonly IReadOnlyList<string> WeakFamilies = ["NULL", "EXPORT", "anon", "RC4", "DES/3DES", "static-RSA CBC"];

    /// <summary>Whether the name has the IANA form TLS_…, so that it can be classified.</summary>
    public static bool IsIanaName(string? suite) => suite is not null && IanaForm().IsMatch(suite);

    /// <summary>Whether the name is a signalling value rather than a suite (TLS_EMPTY_RENEGOTIATION_INFO_SCSV, TLS_FALLBACK_SCSV).</summary>
    public static bool IsSignal(string suite) => suite.EndsWith("_SCSV", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the suite is AEAD with forward secrecy.</summary>
    public static bool IsAeadWithForwardSecrecy(string? suite) =>
        suite is not null && (Tls13Suite().IsMatch(suite) || EphemeralAead().IsMatch(suite));

    /// <summary>The weakness families the suite belongs to (empty for a suite in none of them).</summary>
    public static IReadOnlyList<string> Families(string suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var families = new List<string>();
        if (suite.Contains("_WITH_NULL_", StringComparison.OrdinalIgnoreCase) || string.Equals(suite, "TLS_NULL_WITH_NULL_NULL", StringComparison.OrdinalIgnoreCase))
        {
            families.Add("NULL");
        }
        if (suite.Contains("_EXPORT", StringComparison.OrdinalIgnoreCase))
        {
            families.Add("EXPORT");
        }
        if (suite.Contains("_anon_", StringComparison.OrdinalIgnoreCase))
        {
            families.Add("anon");
        }
        if (suite.Contains("_RC4_", StringComparison.OrdinalIgnoreCase))
        {
            families.Add("RC4");
        }
        if (suite.Contains("3DES_EDE", StringComparison.OrdinalIgnoreCase) || suite.Contains("_DES_CBC_", StringComparison.OrdinalIgnoreCase)
            || suite.Contains("_DES40_", StringComparison.OrdinalIgnoreCase))
        {
            families.Add("DES/3DES");
        }
        if (suite.StartsWith("TLS_RSA_WITH_", StringComparison.OrdinalIgnoreCase) && suite.Contains("_CBC_", StringComparison.OrdinalIgnoreCase))
        {
            families.Add("static-RSA CBC");
        }
        return families;
    }

    [GeneratedRegex(@"^TLS_[A-Z0-9_]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IanaForm();

    [GeneratedRegex(@"^TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256|AES_128_CCM_SHA256)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Tls13Suite();

    [GeneratedRegex(@"^TLS_(ECDHE_(RSA|ECDSA)|DHE_(RSA|DSS))_WITH_((AES|ARIA|CAMELLIA)_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256|AES_(128|256)_CCM)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EphemeralAead();
}
