using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Calibration;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Workloads;
using Xunit;

namespace KubeRaya.Conformance.Tests.Calibration;

/// <summary>
/// The objects the object faults put beside an app, judged by the same object judges as the deploy-mode read-back:
/// the app alone passes every control, and each fault object fails exactly the control its fixture expects.
/// </summary>
public sealed class FaultObjectsJudgedTests : IDisposable
{
    private const string RunId = "kr-test";
    private readonly CertificateAuthority _ca = CertificateAuthority.CreateRoot("calibration objects CA");
    private readonly IssuedCertificate _certificate;
    private readonly SampleAppSpec _spec = HarnessFaultTests.Spec();

    public FaultObjectsJudgedTests() => _certificate = _ca.Issue(LeafProfile.Valid, _spec.Hosts);

    private List<IKubernetesObject<V1ObjectMeta>> App(SampleAppSpec? spec = null)
    {
        spec ??= _spec;
        return
        [
            SampleAppManifests.Namespace(spec, RunId),
            SampleAppManifests.TlsSecret(spec, RunId, _certificate.ChainPem(), _certificate.PrivateKeyPem()),
            SampleAppManifests.Deployment(spec, RunId),
            SampleAppManifests.Service(spec, RunId),
            SampleAppManifests.Ingress(spec, RunId),
        ];
    }

    private static List<string> Failing(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects) =>
        new AuditRunner().Judge(ObjectSet.From(ObjectSetScope.Cluster, objects))
            .Where(v => v.Outcome != Outcome.Passed && v.Outcome != Outcome.Skipped)
            .Select(v => v.Control).Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_app_alone_fails_no_control()
    {
        Failing(App()).Should().BeEmpty();
    }

    [Fact]
    public void A_certificate_in_a_ConfigMap_fails_KR_CERT_08()
    {
        Failing([.. App(), FaultManifests.CertificateConfigMap(_spec, RunId, "certificate-x", _certificate.ChainPem())]).Should().Equal("KR-CERT-08");
    }

    [Fact]
    public void An_opaque_TLS_Secret_fails_KR_CERT_08()
    {
        Failing(App(_spec with { TlsSecretType = "Opaque" })).Should().Equal("KR-CERT-08");
    }

    [Fact]
    public void A_wildcard_Ingress_with_its_wildcard_certificate_fails_KR_HOST_04_only()
    {
        using var wildcard = _ca.Issue(LeafProfile.Wildcard, _spec.Hosts);
        var secret = SampleAppManifests.TlsSecret(_spec with { TlsSecretName = "wildcard-tls" }, RunId, wildcard.ChainPem(), wildcard.PrivateKeyPem());

        Failing([.. App(), secret, FaultManifests.ExtraIngress(_spec, RunId, "wildcard", "*.kuberaya.test", "wildcard-tls")]).Should().Equal("KR-HOST-04");
    }

    [Fact]
    public void A_host_without_a_tls_entry_fails_KR_TLS_01_only()
    {
        Failing([.. App(), FaultManifests.ExtraIngress(_spec, RunId, "plain", "kr-plain-xyz789.kuberaya.test", tlsSecretName: null)]).Should().Equal("KR-TLS-01");
    }

    [Fact]
    public void A_second_app_claiming_the_same_host_and_path_fails_KR_HOST_05_only()
    {
        var second = _spec with { Namespace = "kr-zz-duplicate-claim-abc123", Name = "echo-def456", TlsSecretName = "tls-def456" };

        Failing([.. App(), .. App(second)]).Should().Equal("KR-HOST-05");
    }

    [Fact]
    public void Every_extra_object_carries_the_run_label_so_clean_up_removes_it()
    {
        FaultManifests.CertificateConfigMap(_spec, RunId, "c", "pem").Metadata.Labels.Should().Contain(RunLabels.Run, RunId);
        FaultManifests.ExtraIngress(_spec, RunId, "i", "h.kuberaya.test", null).Metadata.Labels.Should().Contain(RunLabels.Run, RunId);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _ca.Dispose();
    }
}
