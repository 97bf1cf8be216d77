using System.Text.Json;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// Reads an evidence file of the bundle (a JSON evidence record, or an image) and lays it out as labelled facts:
/// certificates as subject, SANs, issuer, validity, key, signature algorithm and fingerprint; headers one per row;
/// long bodies cut; screenshots embedded. Works on any record shape, so new evidence types need no change here.
/// Everything it returns is plain text: the template encodes it, because servers under test choose headers and bodies.
/// </summary>
public static class EvidenceRenderer
{
    /// <summary>Evidence files larger than this are linked, not shown.</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;
    /// <summary>Images larger than this are linked, not embedded.</summary>
    public const long MaxImageBytes = 12 * 1024 * 1024;
    /// <summary>At most this many rows per evidence file.</summary>
    public const int MaxFacts = 600;
    /// <summary>Longer values are cut, with a note.</summary>
    public const int MaxValueChars = 2000;
    private const int MaxDepth = 6;

    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sni"] = "SNI", ["alpn"] = "ALPN", ["url"] = "URL", ["http"] = "HTTP", ["https"] = "HTTPS", ["tls"] = "TLS",
        ["ca"] = "CA", ["ip"] = "IP", ["dns"] = "DNS", ["der"] = "DER", ["id"] = "ID", ["sha256"] = "SHA-256", ["oid"] = "OID",
        ["ssl"] = "SSL", ["eku"] = "EKU", ["cas"] = "CAs",
    };

    private static readonly Dictionary<string, string> KnownUsages = new(StringComparer.Ordinal)
    {
        ["1.3.6.1.5.5.7.3.1"] = "serverAuth", ["1.3.6.1.5.5.7.3.2"] = "clientAuth", ["1.3.6.1.5.5.7.3.3"] = "codeSigning",
        ["1.3.6.1.5.5.7.3.4"] = "emailProtection", ["1.3.6.1.5.5.7.3.8"] = "timeStamping", ["1.3.6.1.5.5.7.3.9"] = "OCSPSigning",
        ["2.5.29.37.0"] = "anyExtendedKeyUsage",
    };

    /// <summary>Reads one evidence file.</summary>
    /// <param name="bundleDirectory">The report directory.</param>
    /// <param name="relativePath">The path recorded in the result, relative to the bundle.</param>
    public static EvidenceView Render(string bundleDirectory, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(bundleDirectory);
        ArgumentNullException.ThrowIfNull(relativePath);
        var root = Path.GetFullPath(bundleDirectory);
        var href = Href(relativePath);
        var full = Resolve(root, root, relativePath);
        if (full is null) return Problem(relativePath, href, "the evidence path points outside the report bundle, so it is not shown");
        if (!File.Exists(full)) return Problem(relativePath, href, "the evidence file is missing from the bundle");

        if (IsImage(full))
        {
            var image = Image(root, full, Path.GetFileName(full));
            return image is null
                ? Problem(relativePath, href, "the image is too large to embed; open the file")
                : new EvidenceView(relativePath, href, null, [], [image]);
        }

        if (new FileInfo(full).Length > MaxFileBytes)
            return Problem(relativePath, href, $"the evidence file is larger than {MaxFileBytes / (1024 * 1024)} MiB; open the file");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(full), new JsonDocumentOptions { MaxDepth = 64 });
            var layout = new Layout(root, Path.GetDirectoryName(full)!);
            layout.Walk(document.RootElement, "Evidence", 0);
            return new EvidenceView(relativePath, href, layout.Truncated ? $"only the first {MaxFacts} rows are shown; open the file for the rest" : null, layout.Facts, layout.Images);
        }
        catch (JsonException)
        {
            var text = File.ReadAllText(full);
            return new EvidenceView(relativePath, href, null, [new EvidenceFact(0, "Content", Cut(text), false, true)], []);
        }
    }

    /// <summary>A relative path made into a link: each segment URL-escaped.</summary>
    public static string Href(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static EvidenceView Problem(string path, string href, string problem) => new(path, href, problem, [], []);

    private static bool IsImage(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg";

    private static EvidenceImage? Image(string root, string full, string caption)
    {
        var length = new FileInfo(full).Length;
        if (length > MaxImageBytes) return null;
        var type = Path.GetExtension(full).Equals(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg";
        var data = $"data:{type};base64,{Convert.ToBase64String(File.ReadAllBytes(full))}";
        return new EvidenceImage(caption, data, Href(Path.GetRelativePath(root, full)));
    }

    /// <summary>A path relative to <paramref name="baseDirectory"/>, only if it stays inside the bundle.</summary>
    private static string? Resolve(string root, string baseDirectory, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative)) return null;
        var full = Path.GetFullPath(Path.Combine(baseDirectory, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static string Cut(string text) =>
        text.Length <= MaxValueChars ? text : text[..MaxValueChars] + $"… ({text.Length - MaxValueChars} more characters in the evidence file)";

    private static string Label(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i < name.Length && !(char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))) continue;
            words.Add(name[start..i]);
            start = i;
        }
        var mapped = words.Select((w, i) => Words.TryGetValue(w, out var known) ? known : i == 0 ? w : w.ToLowerInvariant()).ToList();
        if (mapped.Count > 0 && mapped[0].Length > 0) mapped[0] = char.ToUpperInvariant(mapped[0][0]) + mapped[0][1..];
        return string.Join(' ', mapped);
    }

    /// <summary>"Hops" → "Hop", "Addresses" → "Address", for numbered items of a list.</summary>
    private static string Singular(string label) =>
        label.EndsWith("sses", StringComparison.Ordinal) ? label[..^2]
        : label.EndsWith('s') && !label.EndsWith("ss", StringComparison.Ordinal) ? label[..^1]
        : label;

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => "(none)",
        _ => value.GetRawText(),
    };

    private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Scalar(value) : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(Scalar)
            : [];

    /// <summary>The walk over one evidence document.</summary>
    private sealed class Layout(string root, string evidenceDirectory)
    {
        public List<EvidenceFact> Facts { get; } = [];
        public List<EvidenceImage> Images { get; } = [];
        public bool Truncated { get; private set; }

        public void Walk(JsonElement element, string label, int depth)
        {
            if (Facts.Count >= MaxFacts)
            {
                Truncated = true;
                return;
            }
            switch (element.ValueKind)
            {
                case JsonValueKind.Object when IsCertificate(element):
                    Certificate(element, label, depth);
                    break;
                case JsonValueKind.Object:
                    if (depth > 0) Add(depth - 1, label, "", heading: true);
                    if (depth >= MaxDepth)
                    {
                        Add(depth, "(deeper content)", "open the evidence file");
                        break;
                    }
                    var hasChain = element.TryGetProperty("servedChain", out _);
                    foreach (var property in element.EnumerateObject())
                        Property(property, depth, hasChain);
                    break;
                case JsonValueKind.Array:
                    var items = element.EnumerateArray().ToList();
                    if (items.Count == 0) Add(depth - 1, label, "(none)");
                    else if (items.All(IsScalar)) Add(depth - 1, label, string.Join(", ", items.Select(Scalar)));
                    else
                    {
                        for (var i = 0; i < items.Count; i++)
                            Walk(items[i], items.Count == 1 ? label : $"{Singular(label)} {i + 1}", depth);
                    }
                    break;
                default:
                    Add(depth - 1, label, Scalar(element));
                    break;
            }
        }

        private void Property(JsonProperty property, int depth, bool hasChain)
        {
            var name = property.Name;
            var value = property.Value;
            if (name == "leaf" && hasChain) return; // the first certificate of the served chain, shown there
            if (name == "headers" && value.ValueKind == JsonValueKind.Object)
            {
                Add(depth, "Headers", "", heading: true);
                foreach (var header in value.EnumerateObject())
                {
                    var values = header.Value.ValueKind == JsonValueKind.Array ? header.Value.EnumerateArray().Select(Scalar) : [Scalar(header.Value)];
                    Add(depth + 1, header.Name, string.Join("; ", values));
                }
                return;
            }
            if (value.ValueKind == JsonValueKind.String && IsImage(value.GetString() ?? "") && Embed(value.GetString()!))
            {
                Add(depth, Label(name), value.GetString()!);
                return;
            }
            Walk(value, Label(name), depth + 1);
        }

        private bool Embed(string path)
        {
            var full = Resolve(root, evidenceDirectory, path) ?? Resolve(root, root, path);
            if (full is null || !File.Exists(full)) return false;
            var image = Image(root, full, Path.GetFileName(full));
            if (image is null) return false;
            Images.Add(image);
            return true;
        }

        private static bool IsCertificate(JsonElement element) =>
            element.TryGetProperty("sha256Fingerprint", out _) && element.TryGetProperty("subject", out _);

        private void Certificate(JsonElement c, string label, int depth)
        {
            var row = Math.Max(0, depth - 1);
            Add(row, $"{label}: certificate", "", heading: true);
            Add(row + 1, "Subject", Text(c, "subject") ?? "");
            var names = Strings(c, "dnsNames").Select(n => "DNS:" + n).Concat(Strings(c, "ipAddresses").Select(n => "IP:" + n)).ToList();
            Add(row + 1, "Subject alternative names", names.Count == 0 ? "(none)" : string.Join(", ", names));
            Add(row + 1, "Issuer", Text(c, "issuer") ?? "");
            Add(row + 1, "Valid from", Text(c, "notBefore") ?? "");
            Add(row + 1, "Valid until", Text(c, "notAfter") ?? "");
            var curve = Text(c, "curve");
            Add(row + 1, "Key", $"{Text(c, "keyAlgorithm")} {Text(c, "keySize")} bits{(curve is null ? "" : $" ({curve})")}");
            Add(row + 1, "Signature algorithm", $"{Text(c, "signatureAlgorithm")} ({Text(c, "signatureAlgorithmOid")})");
            Add(row + 1, "Certificate authority", Text(c, "isCertificateAuthority") ?? "");
            var usages = c.TryGetProperty("extendedKeyUsages", out var eku) && eku.ValueKind == JsonValueKind.Array
                ? string.Join(", ", eku.EnumerateArray().Select(Scalar).Select(o => KnownUsages.TryGetValue(o, out var n) ? $"{n} ({o})" : o))
                : "(no extended key usage extension)";
            Add(row + 1, "Extended key usage", usages);
            Add(row + 1, "Serial number", Text(c, "serialNumber") ?? "");
            Add(row + 1, "SHA-256 fingerprint", Fingerprint(Text(c, "sha256Fingerprint") ?? ""));
        }

        private static string Fingerprint(string hex) =>
            hex.Length % 2 == 0 && hex.All(Uri.IsHexDigit)
                ? string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2).ToUpperInvariant()))
                : hex;

        private void Add(int depth, string label, string value, bool heading = false)
        {
            if (Facts.Count >= MaxFacts)
            {
                Truncated = true;
                return;
            }
            var cut = Cut(value);
            Facts.Add(new EvidenceFact(Math.Clamp(depth, 0, MaxDepth), label, cut, heading, cut.Length > 160 || cut.Contains('\n', StringComparison.Ordinal)));
        }
    }
}
