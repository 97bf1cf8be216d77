using System.Text;
using FluentAssertions;
using k8s.Models;
using KubeRaya.Conformance.Audit;
using Xunit;

namespace KubeRaya.Conformance.Tests.Audit;

public sealed class ManifestLoaderTests
{
    private static readonly ManifestLoader Loader = new();

    [Fact]
    public void Each_document_of_a_multi_document_file_keeps_the_line_it_starts_on()
    {
        const string text = """
            # leading comment
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: first
            ---
            ---
            # an empty document above, a comment here
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: second
              namespace: other
            ...
            --- # a marker with a comment
            apiVersion: v1
            kind: Secret
            metadata:
              name: third
            """;

        var objects = Loader.LoadText(text, "app.yaml");

        objects.Problems.Should().BeEmpty();
        objects.Services.Single().Location.Should().Be("app.yaml:3");
        objects.ConfigMaps.Single().Location.Should().Be("app.yaml:10");
        objects.Secrets.Single().Location.Should().Be("app.yaml:17");
        objects.Services.Single().Reference.Should().Be("Service/default/first", "a manifest without a namespace lands in the default one");
        objects.ConfigMaps.Single().Reference.Should().Be("ConfigMap/other/second");
    }

    [Fact]
    public void The_items_of_a_List_are_loaded_one_by_one_with_their_own_lines()
    {
        const string text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: web
                namespace: shop
            - apiVersion: v1
              kind: ServiceAccount
              metadata:
                name: ignored
            - {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web", "namespace": "shop"}}
            - apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
                namespace: shop
              spec:
                selector: {matchLabels: {app: web}}
                template:
                  metadata:
                    labels:
                      app: web
                  spec:
                    containers:
                    - name: web
                      image: web:1
            metadata:
              resourceVersion: ""
            """;

        var objects = Loader.LoadText(text, "dump.yaml");

        objects.Problems.Should().BeEmpty();
        objects.Services.Single().Location.Should().Be("dump.yaml:4");
        objects.Ingresses.Single().Location.Should().Be("dump.yaml:13");
        objects.Deployments.Single().Location.Should().Be("dump.yaml:14");
        objects.Workloads.Single().Labels.Should().Contain("app", "web");
        objects.All.Should().HaveCount(3, "the ServiceAccount is not a kind the audit judges");
    }

    [Fact]
    public void The_items_of_a_typed_list_take_the_list_kind_when_they_omit_their_own()
    {
        const string text = """
            apiVersion: networking.k8s.io/v1
            kind: IngressList
            items:
              - metadata:
                  name: a
                  namespace: shop
                spec:
                  rules:
                    - host: a.example.test
              - metadata:
                  name: b
                  namespace: shop
            """;

        var objects = Loader.LoadText(text, "ingresses.yaml");

        objects.Ingresses.Select(i => (i.Name, i.Location)).Should().Equal(("a", "ingresses.yaml:4"), ("b", "ingresses.yaml:10"));
        objects.Ingresses[0].Value.Spec.Rules.Single().Host.Should().Be("a.example.test");
    }

    [Fact]
    public void A_json_List_as_kubectl_prints_it_is_loaded()
    {
        const string text = """
            {
                "apiVersion": "v1",
                "items": [
                    {
                        "apiVersion": "v1",
                        "kind": "Service",
                        "metadata": {
                            "name": "web",
                            "namespace": "shop"
                        },
                        "spec": {
                            "type": "NodePort",
                            "ports": [{"port": 80, "nodePort": 30080}]
                        }
                    }
                ],
                "kind": "List",
                "metadata": {"resourceVersion": ""}
            }
            """;

        var objects = Loader.LoadText(text, "dump.json");

        objects.Problems.Should().BeEmpty();
        var service = objects.Services.Single();
        service.Location.Should().Be("dump.json:4");
        service.Value.Spec.Type.Should().Be("NodePort");
        service.Value.Spec.Ports.Single().NodePort.Should().Be(30080);
    }

    [Fact]
    public void Kinds_the_audit_does_not_judge_and_documents_without_a_kind_are_ignored()
    {
        const string text = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: robot
            ---
            replicaCount: 3
            image:
              tag: "1.0"
            ---
            apiVersion: example.test/v1
            kind: Service
            metadata:
              name: not-core
            ---
            - just
            - a list
            """;

        var objects = Loader.LoadText(text, "mixed.yaml");

        objects.All.Should().BeEmpty();
        objects.Problems.Should().BeEmpty();
    }

    [Fact]
    public void A_malformed_document_is_reported_at_its_line_and_the_documents_around_it_still_load()
    {
        const string text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: before
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: broken
            data:
              list: [one, two
              more: text
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: after
            """;

        var objects = Loader.LoadText(text, "broken.yaml");

        objects.Services.Select(s => s.Name).Should().Equal("before", "after");
        var problem = objects.Problems.Single();
        problem.Where.Should().Be("broken.yaml:11", "the unclosed bracket opens on line 11");
        problem.Message.Should().StartWith("malformed document: ");
    }

    [Fact]
    public void A_value_that_does_not_fit_its_kind_is_reported_at_its_line()
    {
        const string text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
                - port: eighty
            """;

        var objects = Loader.LoadText(text, "service.yaml");

        objects.Services.Should().BeEmpty();
        var problem = objects.Problems.Single();
        problem.Where.Should().Be("service.yaml:7");
        problem.Message.Should().Contain("eighty");
    }

    [Fact]
    public void An_object_without_a_name_is_reported_rather_than_audited()
    {
        var objects = Loader.LoadText("apiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n", "nameless.yaml");

        objects.Services.Should().BeEmpty();
        objects.Problems.Single().Where.Should().Be("nameless.yaml:1");
    }

    [Fact]
    public void Secret_values_other_than_the_certificate_are_dropped_on_load()
    {
        const string text = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: tls
            type: kubernetes.io/tls
            data:
              tls.crt: Y2VydGlmaWNhdGU=
              tls.key: c2VjcmV0LWtleQ==
            stringData:
              extra.key: another-secret
            """;

        var secret = Loader.LoadText(text, "secret.yaml").Secrets.Single().Value;

        Encoding.UTF8.GetString(secret.Data["tls.crt"]).Should().Be("certificate");
        secret.Data.Where(d => d.Key != "tls.crt").Should().NotContain(d => d.Value.Length > 0);
        secret.StringData.Should().BeNull();
        secret.Type.Should().Be("kubernetes.io/tls");
    }

    [Fact]
    public void A_flow_style_Secret_keeps_only_its_certificate_too()
    {
        const string text = """
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "tls"}, "type": "kubernetes.io/tls",
             "data": {"tls.crt": "Y2VydGlmaWNhdGU=", "tls.key": "c2VjcmV0LWtleQ=="}}
            """;

        var secret = Loader.LoadText(text, "secret.json").Secrets.Single().Value;

        Encoding.UTF8.GetString(secret.Data["tls.crt"]).Should().Be("certificate");
        secret.Data["tls.key"].Should().BeEmpty();
    }

    [Fact]
    public void A_certificate_given_as_stringData_wins_over_data_as_the_API_server_decides()
    {
        const string text = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: tls
            data:
              tls.crt: b2xk
            stringData:
              tls.crt: new
            """;

        var secret = Loader.LoadText(text, "secret.yaml").Secrets.Single().Value;

        Encoding.UTF8.GetString(secret.Data["tls.crt"]).Should().Be("new");
    }

    [Fact]
    public async Task A_dash_reads_standard_input()
    {
        var input = new StringReader("apiVersion: v1\nkind: Service\nmetadata:\n  name: piped\n");

        var objects = await new ManifestLoader(standardInput: input).LoadAsync(["-"], CancellationToken.None);

        objects.Services.Single().Location.Should().Be("stdin:1");
    }

    [Fact]
    public async Task A_directory_is_read_recursively_for_yaml_yml_and_json_files_only()
    {
        using var root = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "nested", "deeper"));
        await File.WriteAllTextAsync(Path.Combine(root.Path, "a.yaml"), Service("a"));
        await File.WriteAllTextAsync(Path.Combine(root.Path, "nested", "b.YML"), Service("b"));
        await File.WriteAllTextAsync(Path.Combine(root.Path, "nested", "deeper", "c.json"), """{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "c"}}""");
        await File.WriteAllTextAsync(Path.Combine(root.Path, "notes.txt"), Service("ignored"));

        var objects = await Loader.LoadAsync([root.Path], CancellationToken.None);

        objects.Services.Select(s => s.Name).Should().Equal("a", "b", "c");
        objects.Services[1].Location.Should().Be(Path.Combine(root.Path, "nested", "b.YML") + ":1");
    }

    [Fact]
    public async Task Many_files_load_in_path_order_whatever_order_they_are_prepared_in()
    {
        using var root = new TemporaryDirectory();
        var names = Enumerable.Range(0, 300).Select(i => $"svc-{i:D3}").ToList();
        foreach (var name in names) await File.WriteAllTextAsync(Path.Combine(root.Path, $"{name}.yaml"), Service(name));

        var objects = await Loader.LoadAsync([root.Path], CancellationToken.None);

        objects.Services.Select(s => s.Name).Should().Equal(names);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_stops_the_load_with_a_one_line_error_instead_of_hanging()
    {
        using var root = new TemporaryDirectory();
        foreach (var i in Enumerable.Range(0, 200)) await File.WriteAllTextAsync(Path.Combine(root.Path, $"svc-{i:D3}.yaml"), Service($"svc-{i:D3}"));
        var dangling = Path.Combine(root.Path, "svc-100-broken.yaml");
        File.CreateSymbolicLink(dangling, Path.Combine(root.Path, "nowhere.yaml"));

        var act = () => Loader.LoadAsync([root.Path], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var error = (await act.Should().ThrowAsync<AuditInputException>()).Which;
        error.Message.Should().StartWith($"cannot audit '{dangling}': ").And.NotContain("\n");
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_a_one_line_input_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kr-audit-missing-{Guid.NewGuid():N}.yaml");

        var act = () => Loader.LoadAsync([missing], CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AuditInputException>()).Which;
        error.Message.Should().Be($"cannot audit '{missing}': no such file or directory");
    }

    private static string Service(string name) => KubernetesYamlOf(new V1Service { ApiVersion = "v1", Kind = "Service", Metadata = new V1ObjectMeta { Name = name } });

    private static string KubernetesYamlOf(object value) => k8s.KubernetesYaml.Serialize(value);
}
