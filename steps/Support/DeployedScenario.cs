using KubeRaya.Conformance.Checks;
using KubeRaya.Conformance.Controls;
using TechTalk.SpecFlow;

namespace KubeRaya.Conformance.Steps.Support;

/// <summary>Scenario-scoped: the app a deploy-mode scenario created, removed afterwards (kept on failure with -KeepOnFailure).</summary>
[Binding]
public sealed class DeployedScenario(ScenarioContext scenario)
{
    private DeployChecks? _deploy;
    private ObjectChecks? _objects;
    private ScenarioApp? _app;

    /// <summary>The D-mode checks.</summary>
    public DeployChecks Deploy => _deploy ?? throw new InvalidOperationException("no app deployed yet: the scenario must start with a Given that deploys one");
    /// <summary>The object checks.</summary>
    public ObjectChecks Objects => _objects ?? throw new InvalidOperationException("no app deployed yet");
    /// <summary>The scenario's app.</summary>
    public ScenarioApp App => _app ?? throw new InvalidOperationException("no app deployed yet");
    /// <summary>Verdicts of the objects read back, once read.</summary>
    public IReadOnlyList<Verdict>? ObjectVerdicts { get; set; }

    /// <summary>Deploys the scenario's app.</summary>
    public async Task DeployAsync(Workloads.AppVariant variant)
    {
        (_deploy, _objects) = await SuiteRun.Current.DeployModeAsync(SuiteRun.Current.Token);
        _app = await _deploy.DeployAsync(variant, SuiteRun.Current.Token);
    }

    /// <summary>Removes the app's namespace, unless the scenario failed and the run keeps failures.</summary>
    [AfterScenario(Order = 200)]
    public async Task RemoveAppAsync()
    {
        if (_app is null || _deploy is null) return;
        if (scenario.TestError is not null && SuiteRun.Current.Configuration.KeepOnFailure) return;
        using var bound = new CancellationTokenSource(SuiteRun.Current.Timeouts.Cleanup.Value);
        await _deploy.RemoveAsync(_app, bound.Token);
    }
}
