using FluentAssertions;
using KubeRaya.Conformance.Reporting;
using Xunit;

namespace KubeRaya.Conformance.Tests.Reporting;

public sealed class FeatureScenariosTests : IDisposable
{
    private readonly string _features = Directory.CreateTempSubdirectory("kr-features-").FullName;

    [Fact]
    public void A_scenario_is_found_by_title_with_its_background_steps_tables_and_examples()
    {
        File.WriteAllText(Path.Combine(_features, "hosts.feature"), """
            @hosts
            Feature: Host scoping
              Background:
                Given the sample app is deployed

              @KR-HOST-01
              Scenario Outline: Unknown hosts reach no application
                When a request names the host <host>
                  | scheme | port |
                  | http   | 80   |
                Then the answer is <status>

                Examples:
                  | host          | status |
                  | nobody.test   | 404    |
            """);

        var scenarios = FeatureScenarios.Load(_features);
        var scenario = scenarios.Find("Unknown hosts reach no application");

        scenario.Should().NotBeNull();
        scenario!.Source.Should().Be("hosts.feature:7");
        scenario.Feature.Should().Be("Host scoping");
        scenario.Text.Should().Contain("@hosts @KR-HOST-01")
            .And.Contain("Given the sample app is deployed")
            .And.Contain("Scenario Outline: Unknown hosts reach no application")
            .And.Contain("When a request names the host <host>")
            .And.Contain("| scheme | port |")
            .And.Contain("Examples:")
            .And.Contain("| nobody.test | 404    |");
        scenarios.Find("Some other scenario").Should().BeNull();
    }

    [Fact]
    public void A_missing_directory_reads_as_no_scenarios_and_a_broken_file_is_reported()
    {
        FeatureScenarios.Load(Path.Combine(_features, "absent")).Count.Should().Be(0);
        FeatureScenarios.Load(null).Count.Should().Be(0);

        File.WriteAllText(Path.Combine(_features, "broken.feature"), "Feature: x\n  Scenario: a\n    Given b\n  | not | a | table after nothing\nnonsense line");
        FeatureScenarios.Load(_features).Problems.Should().ContainSingle().Which.Should().StartWith("broken.feature:");
    }

    public void Dispose() => Directory.Delete(_features, recursive: true);
}
