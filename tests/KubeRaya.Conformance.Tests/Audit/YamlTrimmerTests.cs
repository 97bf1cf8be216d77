using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Audit;
using Xunit;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>
/// What the loader takes out before the typed parse (status, managedFields, last-applied-configuration, Secret values
/// but tls.crt), seen through what it loads: everything the judges read is intact, the rest is gone.
/// </summary>
public sealed class YamlTrimmerTests
{
    private static readonly ManifestLoader Loader = new();

    [Fact]
    public void A_kubectl_dump_loads_with_what_the_judges_read_and_without_status_managed_fields_or_last_applied()
    {
        const string text = """
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: |
                  {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"}}
                example.test/owner: team-a
              managedFields:
              - apiVersion: v1
                fieldsType: FieldsV1
                fieldsV1:
                  f:spec:
                    f:type: {}
                manager: kubectl
              name: web
              namespace: shop
            spec:
              type: NodePort
              ports:
              - port: 80 # the only port
                nodePort: 30080
              selector: {app: web}
            status:
              loadBalancer: {}
            """;

        var service = Loader.LoadText(text, "dump.yaml").Services.Single().Value;

        service.Metadata.Name.Should().Be("web");
        service.Metadata.NamespaceProperty.Should().Be("shop");
        service.Metadata.Annotations.Should().Equal(new Dictionary<string, string> { ["example.test/owner"] = "team-a" });
        service.Metadata.ManagedFields.Should().BeNull();
        service.Status.Should().BeNull();
        service.Spec.Type.Should().Be("NodePort");
        service.Spec.Ports.Single().NodePort.Should().Be(30080);
        service.Spec.Selector.Should().Contain("app", "web");
    }

    [Fact]
    public void A_Secret_loads_its_certificate_and_never_its_key()
    {
        const string text = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: web-tls
              annotations:
                example.test/rotated: "2024-01-01"
            type: kubernetes.io/tls
            data:
              tls.key: c2VjcmV0LWtleQ==
              tls.crt: >-
                Y2VydGlm
                aWNhdGU=
              ca.crt: Y2E=
            immutable: true
            """;

        var secret = Loader.LoadText(text, "secret.yaml").Secrets.Single().Value;

        secret.Data.Keys.Should().Equal("tls.crt");
        System.Text.Encoding.UTF8.GetString(secret.Data["tls.crt"]).Should().Be("certificate");
        secret.Type.Should().Be("kubernetes.io/tls");
        secret.Immutable.Should().BeTrue("the entry after the cut keeps its place in the mapping");
        secret.Metadata.Annotations.Should().ContainKey("example.test/rotated");
    }

    [Fact]
    public void A_Secret_written_with_stringData_block_scalars_loads_its_certificate_and_never_its_key()
    {
        // The key is generated here, so no key is committed; the loader must still leave it out.
        using var generated = System.Security.Cryptography.ECDsa.Create();
        var key = string.Join("\n    ", generated.ExportPkcs8PrivateKeyPem().TrimEnd().Split('\n'));
        var text = $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: web-tls
            type: kubernetes.io/tls
            stringData:
              tls.crt: |
                -----BEGIN CERTIFICATE-----
                Y2VydGlmaWNhdGU=
                -----END CERTIFICATE-----
              tls.key: |
                {key}
            # trailing comment
            """;

        var secret = Loader.LoadText(text, "secret.yaml").Secrets.Single().Value;

        secret.Data.Keys.Should().Equal("tls.crt");
        System.Text.Encoding.UTF8.GetString(secret.Data["tls.crt"]).Should().StartWith("-----BEGIN CERTIFICATE-----\nY2VydGlmaWNhdGU=");
        secret.StringData.Should().BeNull();
        secret.Type.Should().Be("kubernetes.io/tls");
    }

    [Fact]
    public void A_Secret_whose_certificate_is_not_base64_is_reported_not_loaded()
    {
        var objects = Loader.LoadText("apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  tls.crt: \"%%%\"\n", "bad.yaml");

        objects.Secrets.Should().BeEmpty();
        objects.Problems.Single().Message.Should().Contain("data.tls.crt is not valid base64");
    }

    [Fact]
    public void An_anchor_defined_in_a_part_taken_out_still_resolves_where_it_is_used()
    {
        const string text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              managedFields:
              - manager: &manager kubectl
            spec:
              type: ExternalName
              externalName: *manager
            """;

        var service = Loader.LoadText(text, "anchors.yaml").Services.Single().Value;

        service.Spec.ExternalName.Should().Be("kubectl");
        service.Spec.Type.Should().Be("ExternalName");
    }

    [Fact]
    public void An_Ingress_keeps_its_whole_spec_through_the_loader()
    {
        var ingress = AuditObjects.Ingress("shop", "web", "shop.example.test", "web", secret: "web-tls");
        ingress.ApiVersion = "networking.k8s.io/v1";
        ingress.Kind = "Ingress";
        ingress.Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Ip = "192.0.2.10" }] } };
        ingress.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply" }];

        var loaded = Loader.LoadText(KubernetesYaml.Serialize(ingress), "ingress.yaml").Ingresses.Single().Value;

        loaded.Status.Should().BeNull();
        loaded.Metadata.ManagedFields.Should().BeNull();
        KubernetesJson.Serialize(loaded.Spec).Should().Be(KubernetesJson.Serialize(ingress.Spec));
    }
}
