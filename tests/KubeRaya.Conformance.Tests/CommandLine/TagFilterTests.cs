using System.Text.RegularExpressions;
using FluentAssertions;
using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Tests.EndToEnd;
using Xunit;

namespace KubeRaya.Conformance.Tests.CommandLine;

public sealed partial class TagFilterTests
{
    [Fact]
    public void Without_tags_the_scenario_controls_are_every_control_of_the_targets_modes()
    {
        var endpoint = TagFilter.ScenarioControls(ControlModes.Endpoint, []);

        endpoint.Should().Equal(ControlCatalogue.InMode(ControlModes.Endpoint).Select(c => c.Id));
        endpoint.Should().Contain("KR-UX-01").And.NotContain("KR-CERT-07", "rotation is decided in deploy mode only");
    }

    [Fact]
    public void Control_tags_narrow_the_scenario_controls_and_a_control_outside_the_targets_modes_is_not_run()
    {
        TagFilter.ScenarioControls(ControlModes.Endpoint, ["@KR-CERT-01", "KR-UX-01"]).Should().Equal("KR-CERT-01", "KR-UX-01");
        TagFilter.ScenarioControls(ControlModes.Endpoint, ["KR-PRIV-01"]).Should().BeEmpty();
        TagFilter.ScenarioControls(ControlModes.Endpoint, ["KR-CERT-01"]).Should().NotContain("KR-UX-01");
    }

    [Fact]
    public void A_mode_tag_selects_the_controls_of_that_mode_among_the_targets_modes()
    {
        var deployOnly = TagFilter.ScenarioControls(ControlModes.Endpoint | ControlModes.Deploy, ["deploy"]);

        deployOnly.Should().Equal(ControlCatalogue.InMode(ControlModes.Deploy).Select(c => c.Id));
        TagFilter.ScenarioControls(ControlModes.Endpoint, ["deploy"]).Should().Equal(
            ControlCatalogue.InMode(ControlModes.Endpoint).Where(c => c.Modes.HasFlag(ControlModes.Deploy)).Select(c => c.Id),
            "an endpoint target's filter (endpoint)&(deploy) runs the scenarios tagged with both modes");
    }

    /// <summary>ScenarioControls reads the catalogue, not the feature files: that holds only while every control's
    /// scenarios carry exactly the catalogue's endpoint and deploy modes as tags (the static audit runs no scenario).</summary>
    [Fact]
    public void Every_controls_scenarios_carry_exactly_the_catalogues_modes()
    {
        var modesByControl = new Dictionary<string, ControlModes>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(ConformanceCli.Root, "features"), "*.feature"))
        {
            var tags = new List<string>();
            foreach (var line in File.ReadLines(file).Select(l => l.Trim()))
            {
                if (line.StartsWith('@')) tags.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.TrimStart('@')));
                else if (ScenarioLine().IsMatch(line))
                {
                    var modes = (tags.Contains("endpoint") ? ControlModes.Endpoint : 0) | (tags.Contains("deploy") ? ControlModes.Deploy : 0);
                    foreach (var id in tags.Where(ControlCatalogue.Contains))
                        modesByControl[id] = modesByControl.GetValueOrDefault(id) | modes;
                    tags.Clear();
                }
                else if (line.StartsWith("Feature:", StringComparison.Ordinal)) tags.Clear();
            }
        }

        modesByControl.Should().NotBeEmpty();
        foreach (var (id, modes) in modesByControl)
            modes.Should().Be(ControlCatalogue.Get(id).Modes & (ControlModes.Endpoint | ControlModes.Deploy), id);
    }

    [GeneratedRegex(@"^Scenario( Outline)?:")]
    private static partial Regex ScenarioLine();
}
