namespace KubeRaya.Conformance.Judges;

/// <summary>Canonical names of SSL/TLS protocol versions, whichever spelling the evidence used
/// ("Tls12", "TLSv1.2", "TLS1.2"; "Tls" is .NET's name for TLS 1.0).</summary>
internal static class ProtocolName
{
    public const string Ssl3 = "SSLv3";
    public const string Tls10 = "TLS1.0";
    public const string Tls11 = "TLS1.1";
    public const string Tls12 = "TLS1.2";
    public const string Tls13 = "TLS1.3";

    /// <summary>The versions the control catalogue calls legacy.</summary>
    public static readonly IReadOnlyList<string> Legacy = [Ssl3, Tls10, Tls11];

    /// <summary>The canonical name, or null when the spelling is not a known version.</summary>
    public static string? Canonical(string? name)
    {
        if (name is null)
        {
            return null;
        }
        var compact = new string(name.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        return compact switch
        {
            "ssl3" or "sslv3" or "ssl30" or "sslv30" => Ssl3,
            "tls" or "tls1" or "tls10" or "tlsv1" or "tlsv10" => Tls10,
            "tls11" or "tlsv11" => Tls11,
            "tls12" or "tlsv12" => Tls12,
            "tls13" or "tlsv13" => Tls13,
            _ => null,
        };
    }
}
