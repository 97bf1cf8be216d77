using KubeRaya.Conformance.Checks;
using KubeRaya.Conformance.Steps.Support;
using KubeRaya.Conformance.Workloads;
using TechTalk.SpecFlow;

namespace KubeRaya.Conformance.Steps;

/// <summary>Wiring for the D-mode scenarios: each step deploys, observes or judges through the library.</summary>
[Binding]
public sealed class DeploySteps(ScenarioVerdicts verdicts, DeployedScenario deployed)
{
    private static CancellationToken Token => SuiteRun.Current.Token;

    [Given("an app deployed behind an Ingress with a certificate from the run's CA")]
    public Task GivenAnApp() => deployed.DeployAsync(AppVariant.Standard);

    [Given("an app deployed behind an Ingress that declares only some paths")]
    public Task GivenAnAppWithDeclaredPaths() => deployed.DeployAsync(AppVariant.DeclaredPaths);

    [Given("an app deployed behind an Ingress that requires basic authentication")]
    public Task GivenAnAppWithBasicAuth() => deployed.DeployAsync(AppVariant.BasicAuth);

    [Given("an app deployed behind an Ingress with a request rate limit")]
    public Task GivenAnAppWithRateLimit() => deployed.DeployAsync(AppVariant.RateLimited);

    [When("the app is requested over HTTPS through the ingress")]
    [When("the harness tries TCP connections to each pod IP and ClusterIP of the app")]
    [When("paths outside the declared ones are requested over HTTPS")]
    [When("the app is requested over HTTPS without and with credentials")]
    [When("a bounded burst of requests exceeds the limit")]
    public static void WhenObservedByTheJudgingStep()
    {
        // The Then step makes these requests and keeps them as evidence with its verdict.
    }

    [When("the Secret is replaced with a new certificate while the app is probed continuously")]
    public Task WhenRotated() => deployed.Deploy.RotateAsync(deployed.App, Token);

    [When("the app's Kubernetes objects are read back from the cluster")]
    public async Task WhenObjectsReadBack() => deployed.ObjectVerdicts = await deployed.Objects.ReadBackAsync(deployed.App, Token);

    [Then("the backend reports plain HTTP forwarded for HTTPS, under the certificate of the Ingress's Secret")]
    public async Task ThenTerminatedAtIngress() => verdicts.Require(await deployed.Deploy.TerminationAsync(deployed.App, Token));

    [Then("the certificate served is the one in the Ingress's Secret, not one held by a pod")]
    public async Task ThenSecretCertificateServed() => verdicts.Require(await deployed.Deploy.SecretCertificateAsync(deployed.App, Token));

    [Then("the new certificate is served within the rotation timeout and no probe failed")]
    public void ThenRotatedWithoutDowntime() => verdicts.Require(deployed.Deploy.Rotation(deployed.App));

    [Then("every rule host of the app's Ingresses is listed in a tls entry that names a Secret")]
    public void ThenEveryHostHasTls() => verdicts.Require(ObjectChecks.For("KR-TLS-01", ReadBack(), deployed.App.Host));

    [Then("every TLS secretName resolves to a kubernetes.io/tls Secret and no PEM material sits elsewhere")]
    public void ThenTlsSecrets() => verdicts.Require(ObjectChecks.For("KR-CERT-08", ReadBack(), deployed.App.Host));

    [Then("no Ingress rule has an empty or wildcard host and no default backend points at an app")]
    public void ThenNoCatchAll() => verdicts.Require(ObjectChecks.For("KR-HOST-04", ReadBack(), deployed.App.Host));

    [Then("no two Ingresses in any namespace claim the same host and path")]
    public void ThenSingleClaims() => verdicts.Require(ObjectChecks.For("KR-HOST-05", ReadBack(), deployed.App.Host));

    [Then("every Service behind the Ingress is ClusterIP without external IPs and none exposes the app's pods on a node port")]
    public void ThenClusterIpOnly() => verdicts.Require(ObjectChecks.For("KR-PRIV-01", ReadBack(), deployed.App.Host));

    [Then("no pod of the app uses hostNetwork or a hostPort")]
    public void ThenNoHostNetwork() => verdicts.Require(ObjectChecks.For("KR-PRIV-03", ReadBack(), deployed.App.Host));

    [Then("each undeclared path is answered 404 by the default backend, not by the app")]
    public async Task ThenUndeclaredPaths404() => verdicts.Require(await deployed.Deploy.DeclaredPathsAsync(deployed.App, Token));

    [Then("every connection fails")]
    public async Task ThenBackendsPrivate() => verdicts.Require(await deployed.Deploy.BackendReachabilityAsync(deployed.App, Token));

    [Then("it answers 401 without credentials and 200 with them")]
    public async Task ThenBasicAuth() => verdicts.Require(await deployed.Deploy.BasicAuthAsync(deployed.App, Token));

    [Then("some requests are answered 429 or 503")]
    public async Task ThenRateLimited() => verdicts.Require(await deployed.Deploy.RateLimitAsync(deployed.App, Token));

    private IReadOnlyList<Controls.Verdict> ReadBack() =>
        deployed.ObjectVerdicts ?? throw new InvalidOperationException("the objects were not read back: the scenario must read them first");
}
