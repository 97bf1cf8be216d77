using KubeRaya.Conformance.Checks;
using KubeRaya.Conformance.Controls;
using TechTalk.SpecFlow;

namespace KubeRaya.Conformance.Steps.Support;

/// <summary>Scenario-scoped: records what the scenario's judges decided, and fails the scenario on any failure.</summary>
public sealed class ScenarioVerdicts(ScenarioContext scenario)
{
    private readonly List<Verdict> _recorded = [];

    /// <summary>Verdicts recorded so far in this scenario.</summary>
    public IReadOnlyList<Verdict> Recorded => _recorded;

    /// <summary>Records the verdicts in the run's ledger, then fails the scenario if any failed or was undecided.</summary>
    public void Require(IReadOnlyList<Verdict> verdicts)
    {
        _recorded.AddRange(SuiteRun.Current.Record(verdicts, scenario.ScenarioInfo.Title));
        ControlFailedException.ThrowIfAnyNotPassed(verdicts);
    }
}
