using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using k8s;
using KubeRaya.Conformance.Calibration;
using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Workloads;
using Xunit;

namespace KubeRaya.Conformance.Tests.Calibration;

/// <summary>The calibration-only harness faults: their names, and what they make the harness deploy.</summary>
public sealed class HarnessFaultTests : IDisposable
{
    private readonly CertificateAuthority _runCa = CertificateAuthority.CreateRoot("calibration test run CA");
    private readonly Kubernetes _client = new(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" });
    private static readonly string[] Hosts = ["kr-sample-abc123.kuberaya.test"];

    private HarnessFaults With(params HarnessFault[] faults) =>
        new(faults.ToHashSet(), _runCa, new ClusterWorkloads(_client, "kr-test", Timeouts.FromEnvironment(), null), new WorkloadNames(), "kr-test", Timeouts.FromEnvironment());

    [Fact]
    public void Every_harness_fault_has_one_name_and_every_name_marks_it_as_calibration_only()
    {
        HarnessFaultCatalogue.All.Select(f => f.Fault).Should().BeEquivalentTo(Enum.GetValues<HarnessFault>());
        HarnessFaultCatalogue.All.Should().OnlyContain(f => f.Name.StartsWith(HarnessFaultCatalogue.Prefix, StringComparison.Ordinal) && f.Effect.Length > 20);
        HarnessFaultCatalogue.All.Select(f => f.Name).Should().OnlyHaveUniqueItems();
        FaultCatalogue.All.Should().NotContain(f => HarnessFaultCatalogue.IsHarnessName(f.Name), "platform fault names never look like harness faults");
    }

    [Fact]
    public void A_fault_list_yields_its_harness_faults_and_passes_over_the_platform_ones()
    {
        HarnessFaultCatalogue.Among("secret-updates-ignored, app-secret-renewed").Should().Equal(HarnessFault.SecretRenewed);
        HarnessFaultCatalogue.Among(null).Should().BeEmpty();
        FluentActions.Invoking(() => HarnessFaultCatalogue.Among("app-typo")).Should().Throw<ArgumentException>().WithMessage("*app-typo*");
    }

    [Fact]
    public void The_run_option_splits_platform_faults_from_harness_faults_and_rejects_unknown_names()
    {
        var (platform, harness) = ReferenceSession.ReadFaults(Arguments.Parse(["run", "--fault", "hsts-off,app-expired-certificate"]));

        platform.Should().Equal(FaultSwitch.HstsOff);
        harness.Should().Equal("app-expired-certificate");
        FluentActions.Invoking(() => ReferenceSession.ReadFaults(Arguments.Parse(["run", "--fault", "app-typo"])))
            .Should().Throw<UsageException>().WithMessage("unknown fault 'app-typo'*app-expired-certificate*");
    }

    [Fact]
    public void Without_faults_apps_get_a_valid_certificate_from_the_run_CA_in_a_tls_Secret()
    {
        using var faults = With();
        using var certificate = faults.Issue(Hosts, LeafProfile.Valid);
        var spec = faults.Shape(Spec());

        certificate.Leaf.Issuer.Should().Be(_runCa.Certificate.Subject);
        certificate.Leaf.NotAfter.Should().BeAfter(DateTime.Now.AddDays(30));
        SampleAppManifests.TlsSecret(spec, "kr-test", "chain", "key").Type.Should().Be("kubernetes.io/tls");
    }

    [Fact]
    public void Certificate_faults_bend_the_certificate_each_in_one_way()
    {
        using (var expired = With(HarnessFault.ExpiredCertificate)) using (var c = expired.Issue(Hosts, LeafProfile.Valid))
            c.Leaf.NotAfter.Should().BeBefore(DateTime.Now);
        using (var wrong = With(HarnessFault.WrongHostCertificate)) using (var c = wrong.Issue(Hosts, LeafProfile.Valid))
            c.Leaf.GetNameInfo(X509NameType.DnsName, false).Should().NotBe(Hosts[0]);
        using (var weak = With(HarnessFault.WeakKeyCertificate)) using (var c = weak.Issue(Hosts, LeafProfile.Valid))
            c.Leaf.GetRSAPublicKey()!.KeySize.Should().Be(1024);
        using (var untrusted = With(HarnessFault.UntrustedCertificate)) using (var c = untrusted.Issue(Hosts, LeafProfile.Valid))
        {
            c.Leaf.Issuer.Should().NotBe(_runCa.Certificate.Subject);
            c.Leaf.NotAfter.Should().BeAfter(DateTime.Now.AddDays(30), "only the issuer is wrong");
        }
    }

    [Fact]
    public void The_opaque_Secret_fault_changes_only_the_Secret_type()
    {
        using var faults = With(HarnessFault.OpaqueTlsSecret);

        var secret = SampleAppManifests.TlsSecret(faults.Shape(Spec()), "kr-test", "chain", "key");

        secret.Type.Should().Be("Opaque");
        secret.Data.Keys.Should().BeEquivalentTo("tls.crt", "tls.key");
    }

    [Fact]
    public void Under_own_ports_every_app_listens_on_a_port_of_its_own_and_tells_the_echo()
    {
        using var faults = With(HarnessFault.OwnPorts);

        var ports = Enumerable.Range(0, 3).Select(_ => faults.Shape(Spec()).ContainerPort).ToList();
        var deployment = SampleAppManifests.Deployment(faults.Shape(Spec()), "kr-test");

        ports.Should().Equal(HarnessFaults.FirstOwnPort, HarnessFaults.FirstOwnPort + 1, HarnessFaults.FirstOwnPort + 2);
        var container = deployment.Spec.Template.Spec.Containers[0];
        container.Ports[0].ContainerPort.Should().Be(HarnessFaults.FirstOwnPort + 3);
        container.Env.Should().ContainSingle(e => e.Name == "HTTP_PORT").Which.Value.Should().Be((HarnessFaults.FirstOwnPort + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        With().Shape(Spec()).ContainerPort.Should().Be(3000, "without the fault every app listens where the echo image does by default");
    }

    internal static SampleAppSpec Spec() => new()
    {
        Namespace = "kr-standard-abc123", Name = "echo-abc123", Hosts = Hosts, TlsSecretName = "tls-abc123",
    };

    public void Dispose()
    {
        _client.Dispose();
        _runCa.Dispose();
    }
}
