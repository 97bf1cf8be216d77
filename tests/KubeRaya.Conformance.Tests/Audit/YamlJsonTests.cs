using System.Text;
using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Audit;
using Xunit;

namespace KubeRaya.Conformance.Tests.Audit;

public class YamlJsonTests
{
    private static string Json(string yaml) => Encoding.UTF8.GetString(YamlJson.Convert(yaml));

    [Fact]
    public void Plain_scalars_are_typed_by_the_json_subset_of_the_core_schema()
    {
        Json("a: true\nb: false\nc: null\nd: ~\ne:\nf: 80\ng: -1.5e3\nh: 0755\ni: True\nj: yes\nk: 0x1F\nl: 1.0.0\n")
            .Should().Be("""{"a":true,"b":false,"c":null,"d":null,"e":null,"f":80,"g":-1.5e3,"h":"0755","i":"True","j":"yes","k":"0x1F","l":"1.0.0"}""");
    }

    [Fact]
    public void Quoted_block_and_str_tagged_scalars_stay_strings()
    {
        Json("a: \"80\"\nb: 'true'\nc: !!str 443\nd: |\n  line one\n  line two\ne: >-\n  folded\n  text\n")
            .Should().Be("""{"a":"80","b":"true","c":"443","d":"line one\nline two\n","e":"folded text"}""");
    }

    [Fact]
    public void Nested_mappings_and_sequences_keep_their_shape_and_order()
    {
        Json("spec:\n  rules:\n  - host: a.example.test\n    http:\n      paths: []\n  - host: b.example.test\n")
            .Should().Be("""{"spec":{"rules":[{"host":"a.example.test","http":{"paths":[]}},{"host":"b.example.test"}]}}""");
    }

    [Theory]
    [InlineData("base: &b {x: 1}\nother: *b\n")]
    [InlineData("? [a, b]\n: value\n")]
    public void Anchors_aliases_and_complex_keys_are_left_to_the_yaml_reader(string yaml)
    {
        var convert = () => YamlJson.Convert(yaml);
        convert.Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void Malformed_yaml_is_refused_and_left_to_the_yaml_reader_to_report()
    {
        var convert = () => YamlJson.Convert("a: [1, 2\nb: 3\n");
        convert.Should().Throw<Exception>();
        var parse = () => KnownKinds.Find("v1", "Service")!.Parse("apiVersion: v1\nkind: Service\nmetadata: [1, 2\n");
        parse.Should().Throw<YamlDotNet.Core.YamlException>("the YAML reader reports it, with its line");
    }

    [Fact]
    public void A_manifest_read_through_json_equals_the_one_kubernetes_yaml_reads()
    {
        const string yaml = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
              namespace: tenant-a
              labels: {app: shop}
              annotations:
                nginx.ingress.kubernetes.io/ssl-redirect: "true"
            spec:
              ingressClassName: nginx
              tls:
              - hosts: [shop.example.test]
                secretName: shop-tls
              rules:
              - host: shop.example.test
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: shop
                        port: {number: 8080}
            """;
        using var json = new MemoryStream(YamlJson.Convert(yaml));
        var throughJson = KubernetesJson.Deserialize<V1Ingress>(json);
        var throughYaml = KubernetesYaml.Deserialize<V1Ingress>(yaml);

        KubernetesJson.Serialize(throughJson).Should().Be(KubernetesJson.Serialize(throughYaml));
    }

    [Fact]
    public void A_value_json_cannot_place_is_read_as_kubernetes_yaml_reads_it()
    {
        // An unquoted number as a label value and a quoted port: not where JSON's types go, so the audit's parser
        // falls back to KubernetesYaml, which reads them as it always did.
        var service = (V1Service)KnownKinds.Find("v1", "Service")!.Parse("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    version: 2\nspec:\n  type: ClusterIP\n  ports:\n  - port: \"80\"\n");

        service.Metadata.Labels["version"].Should().Be("2");
        service.Spec.Ports[0].Port.Should().Be(80);
    }

    [Fact]
    public void A_document_with_aliases_is_read_by_the_yaml_reader()
    {
        var ingress = (V1Ingress)KnownKinds.Find("networking.k8s.io/v1", "Ingress")!.Parse("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: &n shop\n  labels:\n    app: *n\n");

        ingress.Metadata.Labels["app"].Should().Be("shop");
    }
}
