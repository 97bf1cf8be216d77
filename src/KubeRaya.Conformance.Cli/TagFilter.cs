using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Cli;

/// <summary>Turns the target's modes and the -Tags option into a dotnet test filter over scenario tags.</summary>
public static class TagFilter
{
    private static readonly string[] ModeTags = ["endpoint", "deploy", "audit"];

    /// <summary>The filter expression: scenarios of the target's modes, narrowed to the given tags.</summary>
    public static string For(ControlModes modes, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var modeClauses = new List<string>();
        if (modes.HasFlag(ControlModes.Endpoint)) modeClauses.Add("Category=endpoint");
        if (modes.HasFlag(ControlModes.Deploy)) modeClauses.Add("Category=deploy");
        if (modes.HasFlag(ControlModes.Audit)) modeClauses.Add("Category=audit");
        var filter = "(" + string.Join("|", modeClauses) + ")";
        if (tags.Count == 0) return filter;
        Check(tags);
        return filter + "&(" + string.Join("|", tags.Select(t => "Category=" + t.TrimStart('@'))) + ")";
    }

    /// <summary>Throws a usage error for any tag that is neither a control ID nor a mode, so that a typo is reported
    /// before a target is contacted or started.</summary>
    public static void Check(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            var bare = tag.TrimStart('@');
            if (!ControlCatalogue.Contains(bare) && !ModeTags.Contains(bare, StringComparer.Ordinal))
                throw new UsageException($"unknown tag '{tag}': use control IDs such as KR-CERT-01 or the modes endpoint, deploy, audit");
        }
    }

    /// <summary>The control IDs among the tags.</summary>
    public static IReadOnlySet<string> SelectedControls(IReadOnlyList<string> tags) =>
        tags.Select(t => t.TrimStart('@')).Where(ControlCatalogue.Contains).ToHashSet(StringComparer.Ordinal);
}
