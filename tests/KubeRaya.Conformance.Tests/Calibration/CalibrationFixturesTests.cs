using FluentAssertions;
using KubeRaya.Conformance.Calibration;
using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Reference.Faults;
using Xunit;

namespace KubeRaya.Conformance.Tests.Calibration;

/// <summary>The fixtures in fixtures/calibration: they load, they name real switches, and together they can fail every core control.</summary>
public class CalibrationFixturesTests
{
    private static readonly string Fixtures = Path.Combine(RepositoryLayout.Root(), "fixtures", "calibration");
    private static readonly IReadOnlyList<CalibrationFault> Faults = CalibrationFixtures.Load(Fixtures);

    [Fact]
    public void Every_fixture_file_loads_into_a_fault_named_after_its_file()
    {
        var files = Directory.GetFiles(Fixtures, "*.yaml").Select(Path.GetFileNameWithoutExtension);

        Faults.Select(f => f.Name).Should().BeEquivalentTo(files);
        Faults.Should().OnlyContain(f => f.Guidance.Count > 0 && f.Mistake.Length > 20 && f.Switches.Count > 0 && f.Expected.Count > 0);
    }

    [Fact]
    public void Every_switch_is_a_reference_platform_fault_or_a_harness_fault()
    {
        var switches = Faults.SelectMany(f => f.Switches).ToList();

        switches.Where(s => !FaultCatalogue.TryParse(s, out _) && !HarnessFaultCatalogue.TryParse(s, out _)).Should().BeEmpty();
        CalibrateCommand.LoadFaults(Fixtures).Should().HaveCount(Faults.Count);
    }

    [Fact]
    public void Every_core_control_of_the_endpoint_and_deploy_modes_is_expected_to_fail_under_some_fault()
    {
        var calibrated = Faults.SelectMany(f => f.Expected).ToHashSet(StringComparer.Ordinal);
        var core = ControlCatalogue.All.Where(c => c.Profile == Profile.Core && (c.Modes & (ControlModes.Endpoint | ControlModes.Deploy)) != 0).Select(c => c.Id);

        core.Should().OnlyContain(id => calibrated.Contains(id), "a check that no fault can fail is a defect");
    }

    [Fact]
    public void Every_platform_fault_and_every_harness_fault_is_calibrated()
    {
        var switches = Faults.SelectMany(f => f.Switches).ToHashSet(StringComparer.OrdinalIgnoreCase);

        FaultCatalogue.All.Select(f => f.Name).Should().OnlyContain(name => switches.Contains(name));
        HarnessFaultCatalogue.All.Select(f => f.Name).Should().OnlyContain(name => switches.Contains(name));
    }

    [Fact]
    public void A_platform_fault_alone_is_expected_to_fail_exactly_what_the_platform_says_it_breaks()
    {
        foreach (var fault in Faults.Where(f => f.Switches.Count == 1 && FaultCatalogue.TryParse(f.Switches[0], out _)))
            fault.Expected.Should().BeEquivalentTo(FaultCatalogue.Parse(fault.Switches[0]).Breaks, fault.Name);
    }

    [Fact]
    public void A_fault_expected_to_fail_more_than_one_control_explains_the_collateral()
    {
        Faults.Where(f => f.Expected.Count > 1).Should().OnlyContain(f => f.Collateral != null && f.Expected.Skip(1).All(id => f.Collateral!.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_fault_quotes_guidance_of_a_control_it_breaks_or_of_the_catalogue()
    {
        var catalogue = ControlCatalogue.All.Select(c => c.Guidance.ToLowerInvariant()).ToList();

        var unquoted = Faults.SelectMany(f => f.Guidance)
            // The catalogue words a "Using X" pitfall of the guidance as "avoid X", and its arrow as "to".
            .Select(g => g.Replace("→", "to", StringComparison.Ordinal).ToLowerInvariant())
            .Select(g => g.StartsWith("using ", StringComparison.Ordinal) ? g["using ".Length..] : g)
            .Where(g => !catalogue.Any(c => c.Contains(g, StringComparison.Ordinal)));
        unquoted.Should().BeEmpty("every quote is words of the guidance the catalogue cites");
    }
}
