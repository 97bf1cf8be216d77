namespace KubeRaya.Conformance.Judges;

/// <summary>SHA-256 certificate fingerprints in one spelling: 64 upper-case hex digits, no separators.</summary>
public static class Fingerprint
{
    /// <summary>The fingerprint without colons or whitespace, upper-case; null when it is not 64 hex digits.</summary>
    public static string? Normalise(string? fingerprint)
    {
        if (fingerprint is null)
        {
            return null;
        }
        var hex = new string(fingerprint.Where(c => c != ':' && !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    /// <summary>Whether two fingerprints are the same valid SHA-256 fingerprint.</summary>
    public static bool Same(string? first, string? second) =>
        Normalise(first) is { } a && a == Normalise(second);
}
