using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Reference.Faults;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

public sealed class FaultCatalogueTests
{
    [Fact]
    public void Every_switch_has_one_fault_with_a_unique_name_that_parses_back()
    {
        FaultCatalogue.All.Select(f => f.Switch).Should().BeEquivalentTo(Enum.GetValues<FaultSwitch>());
        FaultCatalogue.All.Select(f => f.Name).Should().OnlyHaveUniqueItems();
        FaultCatalogue.All.Should().OnlyContain(f => FaultCatalogue.Parse(f.Name.ToUpperInvariant()) == f);
    }

    [Fact]
    public void Every_fault_breaks_controls_that_exist_in_the_catalogue()
    {
        var known = ControlCatalogue.All.Select(c => c.Id).ToHashSet();

        FaultCatalogue.All.Should().OnlyContain(f => f.Breaks.Count > 0 && f.Breaks.All(known.Contains));
    }

    [Fact]
    public void An_unknown_fault_name_is_refused_with_the_known_names()
    {
        var parse = () => FaultCatalogue.Parse("tls09-enabled");

        parse.Should().Throw<ArgumentException>().WithMessage("*tls10-enabled*");
    }
}
