namespace KubeRaya.Conformance.Reporting;

/// <summary>Checks a report bundle against its <c>manifest.json</c>.</summary>
public static class ReportVerifier
{
    /// <summary>Verifies the bundle in <paramref name="directory"/>.</summary>
    public static ReportVerification Verify(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            return new ReportVerification(directory, [], [BundleManifest.FileName], [], [$"the directory {directory} does not exist"], null);

        var present = BundleManifest.EnumerateFiles(directory, excludeManifest: true);
        var manifestPath = Path.Combine(directory, BundleManifest.FileName);
        if (!File.Exists(manifestPath))
            return new ReportVerification(directory, [], [BundleManifest.FileName], present, ["manifest.json is missing, so nothing can be verified"], null);

        var bytes = File.ReadAllBytes(manifestPath);
        var manifest = BundleManifest.Parse(bytes);
        if (manifest?.Files is null || manifest.Digest is null)
            return new ReportVerification(directory, [BundleManifest.FileName], [], present, ["manifest.json cannot be read as a manifest"], null);

        var changed = new List<string>();
        var missing = new List<string>();
        var problems = new List<string>();
        // The manifest must be exactly what the writer makes of its own file list: same fields, same digest, same bytes.
        var digest = BundleManifest.DigestOfList(manifest.Files);
        if (digest != manifest.Digest) problems.Add("the digest in manifest.json does not match its file list");
        if (!bytes.AsSpan().SequenceEqual(new BundleManifest { Files = manifest.Files, Digest = digest }.ToBytes()))
            problems.Add("manifest.json is not byte for byte as the writer makes it");
        if (problems.Count > 0) changed.Add(BundleManifest.FileName);

        var root = Path.GetFullPath(directory);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            if (!IsInside(root, entry.Path))
            {
                problems.Add($"manifest.json lists a path outside the bundle: {entry.Path}");
                continue;
            }
            listed.Add(entry.Path);
            if (!File.Exists(Path.Combine(root, entry.Path)))
            {
                missing.Add(entry.Path);
                continue;
            }
            if (BundleManifest.Describe(root, entry.Path) != entry) changed.Add(entry.Path);
        }

        var unexpected = present.Where(path => !listed.Contains(path)).ToList();
        return new ReportVerification(directory, changed, missing, unexpected, problems, manifest.Digest);
    }

    private static bool IsInside(string root, string relative)
    {
        if (string.IsNullOrEmpty(relative) || Path.IsPathRooted(relative) || relative.Contains('\\', StringComparison.Ordinal)) return false;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
