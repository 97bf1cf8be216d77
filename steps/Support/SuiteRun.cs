using KubeRaya.Conformance.Checks;
using KubeRaya.Conformance.Runs;
using TechTalk.SpecFlow;

namespace KubeRaya.Conformance.Steps.Support;

/// <summary>The run every scenario belongs to: configuration from run-tests.ps1, shared observations, the ledger.</summary>
[Binding]
public sealed class SuiteRun
{
    private static readonly Lazy<ConformanceRun> Run = new(() => new ConformanceRun(RunConfiguration.FromEnvironment()));

    /// <summary>The current run.</summary>
    public static ConformanceRun Current => Run.Value;

    /// <summary>Cancels what is still observing and releases the run.</summary>
    [AfterTestRun]
    public static async Task EndRunAsync()
    {
        if (Run.IsValueCreated) await Run.Value.DisposeAsync();
    }
}
