using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Workloads;

namespace KubeRaya.Conformance.Checks;

/// <summary>The app one deploy-mode scenario deployed, and what the scenario observed of it so far.</summary>
/// <param name="App">The deployed app.</param>
public sealed record ScenarioApp(DeployedApp App)
{
    /// <summary>The app's first public host.</summary>
    public string Host => App.Spec.Hosts[0];

    /// <summary>The rotation observed, once the scenario replaced the certificate.</summary>
    public RotationEvidence? Rotation { get; set; }
}
