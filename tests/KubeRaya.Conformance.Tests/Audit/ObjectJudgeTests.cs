using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Controls;
using Xunit;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>Judges over in-memory object sets, as deploy mode and live clusters hand them over (no kinds, no origins).</summary>
public sealed class ObjectJudgeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static IReadOnlyList<Verdict> Audit(ObjectSetScope scope, params IKubernetesObject<V1ObjectMeta>[] objects) =>
        new AuditRunner(new AuditOptions { Now = Now }).Judge(ObjectSet.From(scope, objects));

    [Fact]
    public void On_a_cluster_a_missing_TLS_Secret_fails_and_leaves_the_certificate_controls_undecided()
    {
        var verdicts = Audit(ObjectSetScope.Cluster,
            AuditObjects.Ingress("shop", "web", "shop.example.test", "web", secret: "gone-tls"),
            AuditObjects.Service("shop", "web", "ClusterIP", ("app", "web")));

        var placement = verdicts.Single(v => v.Control == "KR-CERT-08" && v.Object == "Ingress/shop/web");
        placement.Outcome.Should().Be(Outcome.Failed);
        placement.Observed.Should().Contain("no Secret shop/gone-tls exists").And.Contain("Fix: create it");
        placement.Location.Should().BeNull("objects read from a cluster have no file");
        verdicts.Where(v => v.Control is "KR-CERT-01" or "KR-CERT-03" or "KR-CERT-04" or "KR-CERT-05")
            .Should().HaveCount(4).And.OnlyContain(v => v.Outcome == Outcome.Error);
    }

    [Fact]
    public void A_TLS_Secret_without_a_readable_certificate_fails_placement_and_decides_no_certificate_control()
    {
        var verdicts = Audit(ObjectSetScope.Manifests,
            AuditObjects.Ingress("shop", "web", "shop.example.test", "web", secret: "web-tls"),
            AuditObjects.TlsSecret("shop", "web-tls", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"));

        verdicts.Single(v => v.Control == "KR-CERT-08" && v.Object == "Ingress/shop/web").Outcome.Should().Be(Outcome.Failed);
        verdicts.Where(v => v.Control is "KR-CERT-01" or "KR-CERT-03" or "KR-CERT-04" or "KR-CERT-05")
            .Should().OnlyContain(v => v.Outcome == Outcome.Error && v.Object == "Secret/shop/web-tls" && v.Observed.Contains("no readable X.509 certificate"));
    }

    [Fact]
    public void The_renewal_window_is_the_configured_one()
    {
        var objects = ObjectSet.From(ObjectSetScope.Manifests,
        [
            AuditObjects.Ingress("shop", "web", "shop.example.test", "web", secret: "web-tls"),
            AuditObjects.TlsSecret("shop", "web-tls", "expiring", Now, "shop.example.test"),
        ]);

        Headroom(new AuditOptions { Now = Now, RenewalWindowDays = 7 }).Should().Be(Outcome.Passed);
        Headroom(new AuditOptions { Now = Now }).Should().Be(Outcome.Failed, "ten days left is inside the default 30-day window");

        Outcome Headroom(AuditOptions options) => new AuditRunner(options).Judge(objects).Single(v => v.Control == "KR-CERT-04").Outcome;
    }

    [Fact]
    public void A_CA_certificate_may_sit_in_a_ConfigMap_but_a_server_certificate_may_not()
    {
        var authority = FixtureCertificates.AuthorityPem(Now);
        var leaf = FixtureCertificates.Leaf("valid", ["shop.example.test"], Now).CertificatePem;

        var verdicts = Audit(ObjectSetScope.Manifests,
            AuditObjects.ConfigMap("shop", "trust", "ca.crt", authority),
            AuditObjects.ConfigMap("shop", "serving", "tls.crt", "comment first\n" + leaf));

        verdicts.Where(v => v.Control == "KR-CERT-08").Should().ContainSingle()
            .Which.Should().Match<Verdict>(v => v.Outcome == Outcome.Failed && v.Object == "ConfigMap/shop/serving" && v.Observed.Contains("CN=shop.example.test"));
    }

    [Fact]
    public void Without_workloads_a_NodePort_Service_whose_selector_is_within_a_backends_fails()
    {
        var verdicts = Audit(ObjectSetScope.Manifests,
            AuditObjects.Ingress("shop", "web", "shop.example.test", "web"),
            AuditObjects.Service("shop", "web", "ClusterIP", ("app", "web"), ("tier", "front")),
            AuditObjects.Service("shop", "web-nodeport", "NodePort", ("app", "web")),
            AuditObjects.Service("shop", "other-nodeport", "NodePort", ("app", "web"), ("tier", "back")));

        var exposures = verdicts.Where(v => v.Control == "KR-PRIV-01" && v.Outcome == Outcome.Failed).ToList();
        exposures.Should().ContainSingle().Which.Object.Should().Be("Service/shop/web-nodeport",
            "app=web selects every pod the backend selects; app=web,tier=back selects none of them");
        exposures[0].Observed.Should().Contain("every pod Service/shop/web selects");
    }

    [Fact]
    public void With_workloads_an_exposing_Service_fails_only_when_it_selects_a_backends_pods()
    {
        var verdicts = Audit(ObjectSetScope.Cluster,
            AuditObjects.Ingress("shop", "web", "shop.example.test", "web"),
            AuditObjects.Service("shop", "web", "ClusterIP", ("app", "web")),
            AuditObjects.Deployment("shop", "web", ("app", "web"), ("tier", "front")),
            AuditObjects.Deployment("shop", "batch", ("app", "batch"), ("tier", "front")),
            AuditObjects.Service("shop", "front-lb", "LoadBalancer", ("tier", "front")),
            AuditObjects.Service("shop", "batch-lb", "LoadBalancer", ("app", "batch")));

        verdicts.Where(v => v.Control == "KR-PRIV-01" && v.Outcome == Outcome.Failed).Select(v => v.Object)
            .Should().Equal("Service/shop/front-lb");
    }

    [Fact]
    public void A_replica_of_a_controller_is_judged_through_its_template_not_once_per_pod()
    {
        var verdicts = Audit(ObjectSetScope.Cluster,
            AuditObjects.Pod("shop", "web-5d8f-abcde", hostNetwork: true, controllerKind: "ReplicaSet"),
            AuditObjects.Pod("shop", "debug", hostNetwork: true));

        verdicts.Where(v => v.Control == "KR-PRIV-03").Select(v => (v.Object, v.Outcome))
            .Should().Equal(("Pod/shop/debug", Outcome.Failed));
    }

    [Fact]
    public void Claims_on_one_host_and_path_conflict_across_namespaces_and_letter_case_but_not_across_paths()
    {
        var other = AuditObjects.Ingress("b", "api", "SHOP.example.test", "api");
        other.Spec.Rules[0].Http.Paths[0].Path = "/api";

        var verdicts = Audit(ObjectSetScope.Manifests,
            AuditObjects.Ingress("a", "web", "shop.example.test", "web"),
            AuditObjects.Ingress("b", "web", "SHOP.example.test", "web"),
            AuditObjects.Ingress("c", "web", "shop.example.test", "web"),
            other);

        var conflict = verdicts.Where(v => v.Control == "KR-HOST-05" && v.Outcome == Outcome.Failed).Should().ContainSingle().Subject;
        conflict.Observed.Should().Contain("claimed by 3 Ingresses").And.Contain("Ingress/a/web").And.Contain("Ingress/b/web").And.Contain("Ingress/c/web");
        verdicts.Should().Contain(v => v.Control == "KR-HOST-05" && v.Object == "Ingress/b/api" && v.Outcome == Outcome.Passed);
    }

    [Fact]
    public void An_empty_set_skips_every_audit_control_with_the_reason()
    {
        var verdicts = Audit(ObjectSetScope.Manifests);

        verdicts.Select(v => v.Control).Should().BeEquivalentTo(ControlCatalogue.InMode(ControlModes.Audit).Select(c => c.Id));
        verdicts.Should().OnlyContain(v => v.Outcome == Outcome.Skipped && v.Observed.Contains("nothing in the audited set") && v.Observed.Contains("0 Ingresses"));
    }

    [Fact]
    public void Objects_without_kind_or_apiVersion_are_still_named_by_their_kind()
    {
        var set = ObjectSet.From(ObjectSetScope.Cluster, [AuditObjects.Ingress("shop", "web", "shop.example.test", "web")]);

        set.Ingresses.Single().Reference.Should().Be("Ingress/shop/web");
        set.Ingresses.Single().Origin.Should().BeNull();
    }
}
