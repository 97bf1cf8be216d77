using Xunit;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>Faults of the default server (what answers names the ingress does not route), through the command line.
/// The default server is shared, so the controls judged for every host fail on every host.</summary>
public sealed class DefaultServerFaultTests
{
    [Fact]
    public async Task A_default_server_presenting_a_tenant_certificate_fails_the_unknown_SNI_control()
    {
        var run = await EndpointRun.AgainstAsync(IngressConfiguration.Correct with { DefaultServerPresentsFirstHostCertificate = true }, RunScope.WithoutBrowser);

        run.ShouldFailExactly([.. ExpectedFailure.OnEveryHost("KR-HOST-02")]);
    }

    [Fact]
    public async Task A_default_server_routing_unknown_hosts_to_the_app_fails_the_unknown_host_control()
    {
        var run = await EndpointRun.AgainstAsync(IngressConfiguration.Correct with { DefaultServerServesApplication = true }, RunScope.WithoutBrowser);

        run.ShouldFailExactly([.. ExpectedFailure.OnEveryHost("KR-HOST-01")]);
    }
}
