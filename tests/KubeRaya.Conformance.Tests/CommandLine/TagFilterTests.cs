using FluentAssertions;
using Gherkin;
using Gherkin.Ast;
using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Tests.EndToEnd;
using Xunit;

namespace KubeRaya.Conformance.Tests.CommandLine;

public sealed class TagFilterTests
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

    [Fact]
    public void The_audit_tag_selects_no_scenario_and_an_audit_only_target_runs_none()
    {
        TagFilter.ScenarioControls(ControlModes.Endpoint | ControlModes.Deploy, ["audit"]).Should().BeEmpty();
        TagFilter.ScenarioControls(ControlModes.Audit, []).Should().BeEmpty();
    }

    /// <summary>ScenarioControls reads the catalogue, not the feature files: that holds only while every control's
    /// scenarios carry exactly the catalogue's endpoint and deploy modes as tags (the static audit runs no scenario).</summary>
    [Fact]
    public void Every_controls_scenarios_carry_exactly_the_catalogues_modes()
    {
        var modesByControl = new Dictionary<string, ControlModes>(StringComparer.Ordinal);
        foreach (var tags in ScenarioTags())
        {
            var modes = (tags.Contains("endpoint") ? ControlModes.Endpoint : 0) | (tags.Contains("deploy") ? ControlModes.Deploy : 0);
            tags.Should().NotContain("audit");
            foreach (var id in tags.Where(ControlCatalogue.Contains))
                modesByControl[id] = modesByControl.GetValueOrDefault(id) | modes;
        }

        modesByControl.Should().NotBeEmpty();
        foreach (var (id, modes) in modesByControl)
            modes.Should().Be(ControlCatalogue.Get(id).Modes & (ControlModes.Endpoint | ControlModes.Deploy), id);
    }

    /// <summary>The filter handed to dotnet test, applied to the tags of every scenario in features/ the way the test
    /// adapter applies it, selects scenarios of exactly the controls ScenarioControls names.</summary>
    [Fact]
    public void The_scenario_controls_are_the_controls_of_the_scenarios_the_filter_selects()
    {
        var scenarios = ScenarioTags();
        ControlModes[] targets = [ControlModes.Endpoint, ControlModes.Deploy, ControlModes.Endpoint | ControlModes.Deploy, ControlModes.Audit];
        List<string[]> tagLists = [[], ["endpoint"], ["deploy"], ["audit"], ["KR-UX-01", "deploy"], ["audit", "KR-CERT-01"]];
        tagLists.AddRange(ControlCatalogue.All.Select(c => new[] { c.Id }));
        var compared = 0;
        foreach (var modes in targets)
        {
            foreach (var tags in tagLists)
            {
                var filter = TagFilter.For(modes, tags);
                var selected = scenarios.Where(s => Matches(filter, s)).SelectMany(s => s.Where(ControlCatalogue.Contains)).ToHashSet(StringComparer.Ordinal);

                TagFilter.ScenarioControls(modes, tags).Should().BeEquivalentTo(selected, $"target modes {modes}, tags [{string.Join(",", tags)}], filter {filter}");
                compared++;
            }
        }
        compared.Should().BeGreaterThan(100);
    }

    /// <summary>A dotnet test filter of the form (Category=a|Category=b)&amp;(Category=c): every clause names a tag the scenario has.</summary>
    private static bool Matches(string filter, IReadOnlySet<string> scenarioTags) =>
        filter.Split('&').All(clause => clause.Trim('(', ')').Split('|').Any(term => scenarioTags.Contains(term["Category=".Length..])));

    /// <summary>Each scenario's tags in features/, read with the Gherkin parser SpecFlow uses, its feature's tags
    /// included (SpecFlow gives them to every scenario).</summary>
    private static List<IReadOnlySet<string>> ScenarioTags()
    {
        var scenarios = new List<IReadOnlySet<string>>();
        foreach (var file in Directory.GetFiles(Path.Combine(ConformanceCli.Root, "features"), "*.feature"))
        {
            using var reader = new StreamReader(file);
            var feature = new Parser().Parse(reader).Feature;
            scenarios.AddRange(feature.Children.OfType<Scenario>().Select(scenario =>
                feature.Tags.Concat(scenario.Tags).Select(t => t.Name.TrimStart('@')).ToHashSet(StringComparer.Ordinal)));
        }
        scenarios.Should().NotBeEmpty();
        return scenarios;
    }
}
