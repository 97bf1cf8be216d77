using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Cli;

/// <summary>Turns the target's modes and the -Tags option into a dotnet test filter over scenario tags.</summary>
public static class TagFilter
{
    /// <summary>Each mode's scenario tag.</summary>
    private static readonly (string Tag, ControlModes Mode)[] ModeTags =
        [("endpoint", ControlModes.Endpoint), ("deploy", ControlModes.Deploy), ("audit", ControlModes.Audit)];

    /// <summary>The modes scenarios are tagged with (the static audit runs no scenario).</summary>
    private const ControlModes ScenarioModes = ControlModes.Endpoint | ControlModes.Deploy;

    /// <summary>The filter expression: scenarios of the target's modes, narrowed to the given tags.</summary>
    public static string For(ControlModes modes, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var modeClauses = ModeTags.Where(m => modes.HasFlag(m.Mode)).Select(m => "Category=" + m.Tag);
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
            if (!ControlCatalogue.Contains(bare) && !ModeTags.Any(m => m.Tag == bare))
                throw new UsageException($"unknown tag '{tag}': use control IDs such as KR-CERT-01 or the modes endpoint, deploy, audit");
        }
    }

    /// <summary>
    /// The controls whose scenarios the filter of <see cref="For"/> runs, read from the catalogue: a scenario carries
    /// its control's ID and the control's endpoint and deploy modes as tags (no scenario carries <c>@audit</c>: the
    /// static audit runs none). Only a hint for starting slow observations early; verdicts come from the scenarios
    /// that actually ran.
    /// </summary>
    public static IReadOnlyList<string> ScenarioControls(ControlModes modes, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var bare = tags.Select(t => t.TrimStart('@')).ToHashSet(StringComparer.Ordinal);
        var scenarioModes = modes & ScenarioModes;
        return ControlCatalogue.All
            .Where(c => (c.Modes & scenarioModes) != 0)
            .Where(c => bare.Count == 0 || bare.Contains(c.Id) || ModeTags.Any(m => bare.Contains(m.Tag) && (c.Modes & m.Mode & ScenarioModes) != 0))
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>The control IDs among the tags.</summary>
    public static IReadOnlySet<string> SelectedControls(IReadOnlyList<string> tags) =>
        tags.Select(t => t.TrimStart('@')).Where(ControlCatalogue.Contains).ToHashSet(StringComparer.Ordinal);
}
