using System.Reflection;
using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class JudgeCatalogueTests
{
    private static readonly List<(Type Judge, string ControlId)> Judges = typeof(HttpsServedJudge).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(HttpsServedJudge).Namespace && t.Name.EndsWith("Judge", StringComparison.Ordinal) && t.IsPublic)
        .Select(t => (t, (string)t.GetField("ControlId", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!))
        .ToList();

    [Fact]
    public void Every_judge_decides_one_catalogued_control_and_no_two_judges_share_one()
    {
        Judges.Should().HaveCount(22, "21 wire judges and the browser judge");
        Judges.Select(j => j.ControlId).Should().OnlyContain(id => ControlCatalogue.Contains(id)).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_control_probed_on_the_wire_has_a_judge_except_those_decided_elsewhere()
    {
        string[] decidedElsewhere = ["KR-CERT-08", "KR-HOST-04", "KR-HOST-05", "KR-PRIV-01", "KR-PRIV-03"];

        var wire = ControlCatalogue.All.Where(c => (c.Modes & (ControlModes.Endpoint | ControlModes.Deploy)) != 0).Select(c => c.Id).Except(decidedElsewhere);

        Judges.Select(j => j.ControlId).Should().BeEquivalentTo(wire);
    }
}
