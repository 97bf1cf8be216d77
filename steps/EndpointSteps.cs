using KubeRaya.Conformance.Checks;
using KubeRaya.Conformance.Steps.Support;
using TechTalk.SpecFlow;

namespace KubeRaya.Conformance.Steps;

/// <summary>Wiring for the E-mode scenarios: every step is one call into <see cref="EndpointChecks"/>.</summary>
[Binding]
public sealed class EndpointSteps(ScenarioVerdicts verdicts)
{
    private EndpointChecks? _checks;
    private EndpointChecks Checks => _checks ?? throw new InvalidOperationException("no public hosts: the scenario must start with 'Given the public hosts of the target'");

    [Given("the public hosts of the target")]
    public async Task GivenThePublicHosts() => _checks = await SuiteRun.Current.EndpointChecksAsync(SuiteRun.Current.Token);

    [When("each host is reached over HTTPS with its name as SNI")]
    [When("each host is offered SSL 3.0, TLS 1.0 and TLS 1.1 in raw ClientHello records")]
    [When("each host is offered only weak cipher suites in raw ClientHello records")]
    [When("each host is requested over plain HTTP at a random path and query")]
    [When("each host is requested over HTTPS at a random path and query")]
    [When("the ingress is sent requests with unrouted Host names, without SNI, with random SNI and by IP address")]
    [When("the ingress is sent TLS handshakes with an unrouted SNI and without SNI")]
    [When("each host is offered only TLS 1.3")]
    [When("a headless Chromium trusting only the run's CA opens http://host/ for each host")]
    public static void WhenObserved()
    {
        // Observations are made on first use and shared by every scenario of the run (see Observatory);
        // the Then step names the control, which decides what is observed.
    }

    [Then("each host completes a TLS handshake and answers an HTTP request")]
    public async Task ThenHttpsServed() => verdicts.Require(await Checks.HttpsServedAsync());

    [Then("each host negotiates TLS 1.2 or 1.3 with a modern client and refuses every legacy version")]
    public async Task ThenModernProtocolsOnly() => verdicts.Require(await Checks.ProtocolVersionsAsync());

    [Then("each host negotiates a forward-secret AEAD suite with a modern client and refuses every weak offer")]
    public async Task ThenStrongCiphersOnly() => verdicts.Require(await Checks.CipherSuitesAsync());

    [Then("the certificate served for each host names that host by a DNS subjectAltName")]
    public async Task ThenCertificateNamesHost() => verdicts.Require(await Checks.CertificateNamesHostAsync());

    [Then("the chain served for each host leads to the run's CA bundle using only the certificates the host sent")]
    public async Task ThenChainLeadsToCa() => verdicts.Require(await Checks.ChainAsync());

    [Then("the certificate served for each host is valid now")]
    public async Task ThenCertificateValid() => verdicts.Require(await Checks.ValidityAsync());

    [Then("the certificate served for each host has more than the renewal window left")]
    public async Task ThenRenewalHeadroom() => verdicts.Require(await Checks.RenewalHeadroomAsync());

    [Then("the certificate served for each host has a strong key and signature and a leaf profile")]
    public async Task ThenStrongKey() => verdicts.Require(await Checks.KeyStrengthAsync());

    [Then("each host answers with a permanent redirect to the same host, path and query over HTTPS")]
    public async Task ThenRedirects() => verdicts.Require(await Checks.RedirectAsync());

    [Then("each response carries Strict-Transport-Security with a max-age of at least 180 days")]
    public async Task ThenHsts() => verdicts.Require(await Checks.HstsAsync());

    [Then("every such request is answered 404 or 421 without any application content")]
    public async Task ThenUnknownHostsRefused() => verdicts.Require(await Checks.UnknownHostsAsync());

    [Then("no certificate served to them names a tenant host")]
    public async Task ThenNoTenantCertificate() => verdicts.Require(await Checks.UnknownSniAsync());

    [Then("each navigation ends on https://host/ without a certificate error and a screenshot is kept")]
    public async Task ThenBrowserEndsSecure() => verdicts.Require(await Checks.BrowserAsync());

    [Then("each host that supports it completes a TLS 1.3 handshake")]
    public async Task ThenTls13() => verdicts.Require(await Checks.Tls13Async());

    [Then("each host that supports it selects h2 through ALPN")]
    public async Task ThenHttp2() => verdicts.Require(await Checks.Http2Async());
}
