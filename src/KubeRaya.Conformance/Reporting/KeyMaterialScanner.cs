using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// Finds private key material in files: any PEM private key header (PKCS#8, PKCS#1, SEC1, encrypted, OpenSSH),
/// and the bytes of given keys, whether raw (DER), in base64 (at any alignment, wrapped or not, JSON- or
/// HTML-escaped) or in hex. A last guard for report bundles, and the tool tests use to prove a bundle is clean.
/// </summary>
public sealed partial class KeyMaterialScanner
{
    /// <summary>Secrets shorter than this are not searched: they would match by chance.</summary>
    public const int MinimumSecretLength = 16;

    private readonly List<byte[]> _secrets = [];
    private readonly List<string> _base64Needles = [];
    private readonly List<string> _hexNeedles = [];

    /// <summary>A scanner that looks for PEM private key headers and for each of the given secret byte strings.</summary>
    /// <param name="secrets">Key bytes, e.g. PKCS#8 DER or a private scalar; entries shorter than <see cref="MinimumSecretLength"/> are ignored.</param>
    public KeyMaterialScanner(IEnumerable<byte[]>? secrets = null)
    {
        foreach (var secret in secrets ?? []) AddSecret(secret);
    }

    /// <summary>A scanner for these keys: their PKCS#8 encoding and their private components (RSA d, p, q, dp, dq, qInv; EC d).</summary>
    public static KeyMaterialScanner ForKeys(IEnumerable<AsymmetricAlgorithm> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var scanner = new KeyMaterialScanner();
        foreach (var key in keys) scanner.AddKey(key);
        return scanner;
    }

    /// <summary>A scanner for the keys in PEM text (e.g. an issued certificate's <c>PrivateKeyPem()</c>).</summary>
    public static KeyMaterialScanner ForPrivateKeyPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var scanner = new KeyMaterialScanner();
        foreach (var key in ImportPem(pem))
        {
            using (key) scanner.AddKey(key);
        }
        return scanner;
    }

    /// <summary>How many secret byte strings are searched for.</summary>
    public int SecretCount => _secrets.Count;

    /// <summary>Adds a key's PKCS#8 encoding and private components.</summary>
    public void AddKey(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        AddSecret(key.ExportPkcs8PrivateKey());
        switch (key)
        {
            case RSA rsa:
                var p = rsa.ExportParameters(true);
                foreach (var part in new[] { p.D, p.P, p.Q, p.DP, p.DQ, p.InverseQ }) AddSecret(part);
                break;
            case ECDsa ecdsa:
                AddSecret(ecdsa.ExportParameters(true).D);
                break;
            case ECDiffieHellman ecdh:
                AddSecret(ecdh.ExportParameters(true).D);
                break;
        }
    }

    /// <summary>Adds one secret byte string.</summary>
    public void AddSecret(byte[]? secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength) return;
        _secrets.Add(secret);
        for (var shift = 0; shift < 3; shift++)
        {
            var needle = Base64Core(secret, shift);
            _base64Needles.Add(needle);
            _base64Needles.Add(needle.Replace('+', '-').Replace('/', '_'));
        }
        _hexNeedles.Add(Convert.ToHexString(secret).ToLowerInvariant());
    }

    /// <summary>Scans every file below a directory; paths in findings are relative, with '/'.</summary>
    public IReadOnlyList<KeyMaterialFinding> ScanDirectory(string directory)
    {
        var findings = new List<KeyMaterialFinding>();
        foreach (var relative in BundleManifest.EnumerateFiles(directory, excludeManifest: false))
            findings.AddRange(Scan(relative, File.ReadAllBytes(Path.Combine(directory, relative))));
        return findings;
    }

    /// <summary>Scans one piece of content.</summary>
    /// <param name="name">The name findings are reported under.</param>
    /// <param name="content">The bytes, as they would be written.</param>
    public IReadOnlyList<KeyMaterialFinding> Scan(string name, ReadOnlySpan<byte> content)
    {
        var findings = new List<KeyMaterialFinding>();
        var text = Decode(Encoding.Latin1.GetString(content));
        foreach (Match header in PemPrivateKeyHeader().Matches(text))
            findings.Add(new KeyMaterialFinding(name, $"PEM private key header '{header.Value}'"));
        if (_secrets.Count == 0) return findings;

        foreach (var secret in _secrets)
        {
            if (content.IndexOf(secret) < 0) continue;
            findings.Add(new KeyMaterialFinding(name, "private key bytes (raw DER)"));
            break;
        }
        var compact = Compact(text);
        if (_base64Needles.Any(needle => compact.Contains(needle, StringComparison.Ordinal)))
            findings.Add(new KeyMaterialFinding(name, "private key bytes (base64)"));
        var lower = compact.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant();
        if (_hexNeedles.Any(needle => lower.Contains(needle, StringComparison.Ordinal)))
            findings.Add(new KeyMaterialFinding(name, "private key bytes (hex)"));
        return findings;
    }

    /// <summary>
    /// The part of the base64 encoding of <paramref name="secret"/> that is the same wherever it sits in a longer
    /// encoding, for a secret starting <paramref name="shift"/> bytes into a 3-byte group.
    /// </summary>
    private static string Base64Core(byte[] secret, int shift)
    {
        var padded = new byte[shift + secret.Length];
        secret.CopyTo(padded, shift);
        var encoded = Convert.ToBase64String(padded);
        var start = shift == 0 ? 0 : 4;
        var end = padded.Length % 3 == 0 ? encoded.Length : encoded.Length - 4;
        return encoded[start..end];
    }

    /// <summary>Undoes the escapes that JSON and HTML writers apply (\uXXXX, \/, character references).</summary>
    private static string Decode(string text)
    {
        var unescaped = JsonEscape().Replace(text, m => m.Value[1] == '/'
            ? "/"
            : ((char)int.Parse(m.Value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        return unescaped.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(unescaped) : unescaped;
    }

    /// <summary>Removes white space and escaped line breaks, so wrapped base64 reads as one run.</summary>
    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) continue;
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is 'n' or 'r' or 't')
            {
                i++;
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static IEnumerable<AsymmetricAlgorithm> ImportPem(string pem)
    {
        var keys = new List<AsymmetricAlgorithm>();
        foreach (var factory in new Func<AsymmetricAlgorithm>[] { RSA.Create, ECDsa.Create })
        {
            var key = factory();
            try
            {
                key.ImportFromPem(pem);
                keys.Add(key);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                key.Dispose();
            }
        }
        if (keys.Count == 0) throw new ArgumentException("The PEM text holds no RSA or EC private key.", nameof(pem));
        return keys;
    }

    [GeneratedRegex(@"-----BEGIN[ A-Z0-9]*PRIVATE KEY( BLOCK)?-----")]
    private static partial Regex PemPrivateKeyHeader();

    [GeneratedRegex(@"\\(u[0-9A-Fa-f]{4}|/)")]
    private static partial Regex JsonEscape();
}
