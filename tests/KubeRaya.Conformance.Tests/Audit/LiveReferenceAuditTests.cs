using FluentAssertions;
using k8s;
using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Workloads;
using Xunit;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>
/// The live audit on the reference platform's API: a sample app deployed as the deploy-mode scenarios deploy it is
/// audited clean, and with the platform turning Services into NodePort ones the audit fails KR-PRIV-01.
/// </summary>
public sealed class LiveReferenceAuditTests
{
    [Theory]
    [InlineData(false, Outcome.Passed)]
    [InlineData(true, Outcome.Failed)]
    public async Task The_live_objects_of_a_deployed_app_are_audited_and_a_NodePort_platform_fails_KR_PRIV_01(bool servicesNodePort, Outcome expected)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var faults = servicesNodePort ? FaultSet.Of(FaultSwitch.ServicesNodePort) : FaultSet.None;
        await using var platform = await ReferencePlatform.StartAsync(faults, bound.Token);
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(platform.KubeconfigPath));
        using var ca = CertificateAuthority.CreateRoot("KubeRaya live audit test");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var spec = new SampleAppSpec
        {
            Namespace = $"kr-standard-{suffix}", Name = $"echo-{suffix}", Hosts = [$"kr-audit-{suffix}.kuberaya.test"], TlsSecretName = $"tls-{suffix}",
        };
        using var leaf = ca.Issue(LeafProfile.Valid, spec.Hosts);

        await client.CoreV1.CreateNamespaceAsync(SampleAppManifests.Namespace(spec, "kr-test"), cancellationToken: bound.Token);
        await client.CoreV1.CreateNamespacedSecretAsync(SampleAppManifests.TlsSecret(spec, "kr-test", leaf.ChainPem(), leaf.PrivateKeyPem()), spec.Namespace, cancellationToken: bound.Token);
        await client.AppsV1.CreateNamespacedDeploymentAsync(SampleAppManifests.Deployment(spec, "kr-test"), spec.Namespace, cancellationToken: bound.Token);
        await client.CoreV1.CreateNamespacedServiceAsync(SampleAppManifests.Service(spec, "kr-test"), spec.Namespace, cancellationToken: bound.Token);
        await client.NetworkingV1.CreateNamespacedIngressAsync(SampleAppManifests.Ingress(spec, "kr-test"), spec.Namespace, cancellationToken: bound.Token);
        if (servicesNodePort)
        {
            // The platform changes the Service after the request that created it.
            var changed = await BoundedPoll.UntilAsync(
                async token => (await client.CoreV1.ReadNamespacedServiceAsync(spec.Name, spec.Namespace, cancellationToken: token)).Spec.Type,
                type => type == "NodePort", new NamedTimeout("node-port", TimeSpan.FromSeconds(20)), bound.Token);
            changed.Satisfied.Should().BeTrue("the services-nodeport fault turns the Service into a NodePort one");
        }

        var verdicts = await new AuditRunner().AuditClusterAsync(client, spec.Namespace, bound.Token);

        verdicts.Where(v => v.Control == "KR-PRIV-01").Should().NotBeEmpty()
            .And.OnlyContain(v => v.Outcome == expected, "the Service behind the Ingress is {0}", servicesNodePort ? "NodePort" : "ClusterIP");
        verdicts.Where(v => v.Control != "KR-PRIV-01" && v.Control != "KR-PRIV-03")
            .Should().OnlyContain(v => v.Outcome == Outcome.Passed, "nothing else about the deployed app breaks the guidance");
    }
}
