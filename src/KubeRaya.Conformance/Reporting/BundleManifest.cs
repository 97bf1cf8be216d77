using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KubeRaya.Conformance.Reporting;

/// <summary>One file of a report bundle as the manifest records it.</summary>
/// <param name="Path">Path relative to the bundle, with '/' separators.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
public sealed record ManifestEntry(string Path, long Size, string Sha256);

/// <summary>
/// <c>manifest.json</c>: every file of a report bundle except itself, with size and SHA-256, and a digest of
/// that list, so that an auditor can tell months later whether anything was changed, removed or added.
/// The digest is the SHA-256 of the lines <c>"&lt;sha256&gt; &lt;size&gt; &lt;path&gt;\n"</c> in the order of
/// <see cref="Files"/> (ordinal by path), and can be recomputed with standard tools. Keep the digest elsewhere
/// too (e.g. in the CI log): a manifest travels with the files it describes and proves consistency, not origin.
/// </summary>
public sealed record BundleManifest
{
    /// <summary>The manifest's file name, at the root of the bundle.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Always 1 for this shape.</summary>
    public int SchemaVersion { get; init; } = 1;
    /// <summary>The hash algorithm of every entry and of the digest.</summary>
    public string Algorithm { get; init; } = "SHA-256";
    /// <summary>How <see cref="Digest"/> is computed, in words.</summary>
    public string DigestOf { get; init; } = "SHA-256 of the UTF-8 lines '<sha256> <size> <path>\\n', one per file, in the order listed";
    /// <summary>Every file of the bundle except the manifest, ordinal by path.</summary>
    public required IReadOnlyList<ManifestEntry> Files { get; init; }
    /// <summary>Lower-case hex digest of the file list.</summary>
    public required string Digest { get; init; }

    private static readonly JsonSerializerOptions Options = Runs.RunConfiguration.JsonOptions;

    /// <summary>Builds the manifest of the files now in a bundle directory.</summary>
    public static BundleManifest Create(string directory)
    {
        var entries = EnumerateFiles(directory, excludeManifest: true)
            .Select(relative => Describe(directory, relative))
            .ToList();
        return new BundleManifest { Files = entries, Digest = DigestOfList(entries) };
    }

    /// <summary>The manifest entry of one file as it is now.</summary>
    public static ManifestEntry Describe(string directory, string relativePath)
    {
        var full = Path.Combine(directory, relativePath);
        using var stream = File.OpenRead(full);
        var hash = SHA256.HashData(stream);
        return new ManifestEntry(relativePath, stream.Length, Convert.ToHexString(hash).ToLowerInvariant());
    }

    /// <summary>The digest of a list of entries, as defined by <see cref="DigestOf"/>.</summary>
    public static string DigestOfList(IEnumerable<ManifestEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        foreach (var entry in entries)
            text.Append(entry.Sha256).Append(' ').Append(entry.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(entry.Path).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    /// <summary>The exact bytes of <c>manifest.json</c> for this manifest; a manifest on disk must equal them byte for byte.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>Reads a manifest's bytes; null when they are not a manifest.</summary>
    public static BundleManifest? Parse(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<BundleManifest>(bytes, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes <c>manifest.json</c> into the bundle.</summary>
    public void Save(string directory) => File.WriteAllBytes(Path.Combine(directory, FileName), ToBytes());

    /// <summary>Every regular file below a directory, as relative paths with '/' separators, ordinal order.</summary>
    public static IReadOnlyList<string> EnumerateFiles(string directory, bool excludeManifest)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = Path.GetFullPath(directory);
        return Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
            .Select(full => Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => !excludeManifest || relative != FileName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
