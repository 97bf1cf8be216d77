using KubeRaya.Conformance.Controls;
using TechTalk.SpecFlow;

namespace KubeRaya.Conformance.Steps.Support;

/// <summary>A scenario that broke before its judge spoke leaves an error result, never silence and never a pass.</summary>
[Binding]
public sealed class ScenarioHooks(ScenarioContext scenario, ScenarioVerdicts verdicts)
{
    /// <summary>Records "could not decide" for every control the scenario is tagged with but did not judge.</summary>
    [AfterScenario(Order = 100)]
    public void RecordUndecidedControls()
    {
        if (scenario.TestError is null) return;
        var judged = verdicts.Recorded.Select(v => v.Control).ToHashSet(StringComparer.Ordinal);
        var controls = scenario.ScenarioInfo.Tags.Where(ControlCatalogue.Contains).Where(c => !judged.Contains(c)).ToList();
        if (controls.Count == 0) return;
        var reason = $"the scenario stopped before judging: {scenario.TestError.GetType().Name}: {scenario.TestError.Message.Split('\n')[0]}";
        var hosts = SuiteRun.Current.Configuration.Hosts.Count > 0 ? SuiteRun.Current.Configuration.Hosts : ["(scenario)"];
        SuiteRun.Current.Record(
            controls.SelectMany(c => hosts.Select(h => Verdict.Undecided(c, h, ControlCatalogue.Get(c).Decision, reason))).ToList(),
            scenario.ScenarioInfo.Title);
    }
}
