using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Models;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class ValidationTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    private readonly Kubernetes _client = api.Client;

    [Fact]
    public async Task A_tls_Secret_without_its_key_is_invalid_with_the_field_named()
    {
        var ns = await api.NewNamespaceAsync();
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "web-tls" },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----") },
        }.Initialize();

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.CreateNamespacedSecretAsync(secret, ns));

        code.Should().Be(422);
        ReferenceApiFixture.ShouldBeJson(status, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = "Secret \"web-tls\" is invalid: data[tls.key]: Required value",
            ["reason"] = "Invalid",
            ["details"] = new JsonObject
            {
                ["name"] = "web-tls",
                ["kind"] = "Secret",
                ["causes"] = new JsonArray(new JsonObject
                {
                    ["reason"] = "FieldValueRequired",
                    ["message"] = "Required value",
                    ["field"] = "data[tls.key]",
                }),
            },
            ["code"] = 422,
        }.ToJsonString());
    }

    [Fact]
    public async Task A_tls_Secret_with_both_keys_is_accepted_without_parsing_them()
    {
        var ns = await api.NewNamespaceAsync();
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "web-tls" },
            Type = "kubernetes.io/tls",
            StringData = new Dictionary<string, string> { ["tls.crt"] = "not a certificate", ["tls.key"] = "not a key" },
        };

        var created = await _client.CoreV1.CreateNamespacedSecretAsync(secret, ns);

        created.Data.Keys.Should().BeEquivalentTo("tls.crt", "tls.key");
    }

    [Fact]
    public async Task The_type_of_a_Secret_cannot_change()
    {
        var ns = await api.NewNamespaceAsync();
        var created = await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, ns);

        created.Type = "kubernetes.io/tls";
        created.Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1], ["tls.key"] = [2] };
        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ReplaceNamespacedSecretAsync(created, "s", ns));

        code.Should().Be(422);
        status["message"]!.GetValue<string>().Should().Be("Secret \"s\" is invalid: type: Invalid value: \"kubernetes.io/tls\": field is immutable");
    }

    [Theory]
    [InlineData(null, "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified")]
    [InlineData("Regex", "spec.rules[0].http.paths[0].pathType: Unsupported value: \"Regex\": supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\"")]
    public async Task An_Ingress_path_needs_a_supported_pathType(string? pathType, string expected)
    {
        var ns = await api.NewNamespaceAsync();

        var (code, status) = await ReferenceApiFixture.FailureOf(() =>
            _client.NetworkingV1.CreateNamespacedIngressAsync(Ingress("web", "web.example.test", "/", pathType), ns));

        code.Should().Be(422);
        status["message"]!.GetValue<string>().Should().Be($"Ingress.networking.k8s.io \"web\" is invalid: {expected}");
        status["details"]!["group"]!.GetValue<string>().Should().Be("networking.k8s.io");
    }

    [Theory]
    [InlineData("Prefix", "api", "must be an absolute path")]
    [InlineData("Exact", "/a//b", "must not contain '//'")]
    [InlineData("Prefix", "/static/..", "cannot end with '/..'")]
    public async Task Exact_and_Prefix_paths_must_be_clean_absolute_paths(string pathType, string path, string detail)
    {
        var ns = await api.NewNamespaceAsync();

        var (code, status) = await ReferenceApiFixture.FailureOf(() =>
            _client.NetworkingV1.CreateNamespacedIngressAsync(Ingress("web", "web.example.test", path, pathType), ns));

        code.Should().Be(422);
        status["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("spec.rules[0].http.paths[0].path");
        status["details"]!["causes"]![0]!["message"]!.GetValue<string>().Should().Be($"Invalid value: \"{path}\": {detail}");
    }

    [Theory]
    [InlineData("*.example.test")]
    [InlineData("web.example.test")]
    public async Task Ingress_hosts_may_be_names_or_wildcards(string host)
    {
        var ns = await api.NewNamespaceAsync();

        var created = await _client.NetworkingV1.CreateNamespacedIngressAsync(Ingress("web", host, "/", "Prefix"), ns);

        created.Spec.Rules[0].Host.Should().Be(host);
    }

    [Fact]
    public async Task Ingress_hosts_may_not_be_IP_addresses()
    {
        var ns = await api.NewNamespaceAsync();

        var (code, status) = await ReferenceApiFixture.FailureOf(() =>
            _client.NetworkingV1.CreateNamespacedIngressAsync(Ingress("web", "127.0.0.1", "/", "Prefix"), ns));

        code.Should().Be(422);
        status["details"]!["causes"]!.AsArray().Select(c => $"{c!["field"]}: {c["message"]}").Should().Contain(
            "spec.rules[0].host: Invalid value: \"127.0.0.1\": must be a DNS name, not an IP address");
    }

    [Fact]
    public async Task An_Ingress_without_a_class_gets_the_default_IngressClass()
    {
        var ns = await api.NewNamespaceAsync();
        var className = $"default-{Guid.NewGuid():N}"[..16];
        await _client.NetworkingV1.CreateIngressClassAsync(new V1IngressClass
        {
            Metadata = new V1ObjectMeta
            {
                Name = className,
                Annotations = new Dictionary<string, string> { ["ingressclass.kubernetes.io/is-default-class"] = "true" },
            },
            Spec = new V1IngressClassSpec { Controller = "k8s.io/ingress-nginx" },
        });

        var created = await _client.NetworkingV1.CreateNamespacedIngressAsync(Ingress("web", "web.example.test", "/", "Prefix"), ns);
        await _client.NetworkingV1.DeleteIngressClassAsync(className);

        created.Spec.IngressClassName.Should().Be(className);
    }

    [Fact]
    public async Task A_Service_needs_ports()
    {
        var ns = await api.NewNamespaceAsync();
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "web" }, Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } } };

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.CreateNamespacedServiceAsync(service, ns));

        code.Should().Be(422);
        status["message"]!.GetValue<string>().Should().Be("Service \"web\" is invalid: spec.ports: Required value");
    }

    [Fact]
    public async Task Service_names_are_DNS_1035_labels()
    {
        var ns = await api.NewNamespaceAsync();

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.CreateNamespacedServiceAsync(ServiceAllocationTests.Service("1web"), ns));

        code.Should().Be(422);
        status["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.name");
        status["details"]!["causes"]![0]!["message"]!.GetValue<string>().Should().Be(
            "Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    }

    [Fact]
    public async Task Object_names_are_DNS_1123_subdomains_and_namespace_names_labels()
    {
        var ns = await api.NewNamespaceAsync();

        var (secretCode, secretStatus) = await ReferenceApiFixture.FailureOf(() =>
            _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "Web_TLS" } }, ns));
        var (namespaceCode, namespaceStatus) = await ReferenceApiFixture.FailureOf(() =>
            _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team.one" } }));

        secretCode.Should().Be(422);
        secretStatus["message"]!.GetValue<string>().Should().StartWith("Secret \"Web_TLS\" is invalid: metadata.name: Invalid value: \"Web_TLS\": a lowercase RFC 1123 subdomain");
        namespaceCode.Should().Be(422);
        namespaceStatus["message"]!.GetValue<string>().Should().Be("Namespace \"team.one\" is invalid: metadata.name: Invalid value: \"team.one\": must not contain dots");
    }

    [Fact]
    public async Task A_Deployment_selector_must_match_its_template_labels()
    {
        var ns = await api.NewNamespaceAsync();
        var deployment = Deployment("web", ("app", "web"));
        deployment.Spec.Template.Metadata.Labels = new Dictionary<string, string> { ["app"] = "other" };

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns));

        code.Should().Be(422);
        status["message"]!.GetValue<string>().Should().Be(
            "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`");
    }

    [Fact]
    public async Task A_Deployment_is_defaulted_and_its_selector_is_immutable()
    {
        var ns = await api.NewNamespaceAsync();
        var created = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", ("app", "web")), ns);

        created.Spec.Selector.MatchLabels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" };
        created.Spec.Template.Metadata.Labels["tier"] = "front";
        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.AppsV1.ReplaceNamespacedDeploymentAsync(created, "web", ns));

        created.Spec.Replicas.Should().Be(1);
        created.Spec.Strategy.Type.Should().Be("RollingUpdate");
        created.Metadata.Generation.Should().Be(1);
        code.Should().Be(422);
        status["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("spec.selector");
        status["details"]!["causes"]![0]!["message"]!.GetValue<string>().Should().EndWith("field is immutable");
    }

    [Fact]
    public async Task Several_errors_are_reported_together()
    {
        var ns = await api.NewNamespaceAsync();
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "tls" }, Type = "kubernetes.io/tls" };

        var (_, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.CreateNamespacedSecretAsync(secret, ns));

        status["message"]!.GetValue<string>().Should().Be("Secret \"tls\" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]");
        status["details"]!["causes"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_namespace_not_found()
    {
        var (code, status) = await ReferenceApiFixture.FailureOf(() =>
            _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("cm"), "no-such-namespace"));

        code.Should().Be(404);
        status["message"]!.GetValue<string>().Should().Be("namespaces \"no-such-namespace\" not found");
        ReferenceApiFixture.ShouldBeJson(status["details"], """{"name":"no-such-namespace","kind":"namespaces"}""");
    }

    internal static V1Ingress Ingress(string name, string host, string path, string? pathType) => new V1Ingress
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1IngressSpec
        {
            Tls = [new V1IngressTLS { Hosts = [host], SecretName = $"{name}-tls" }],
            Rules =
            [
                new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = path,
                                PathType = pathType,
                                Backend = new V1IngressBackend
                                {
                                    Service = new V1IngressServiceBackend { Name = name, Port = new V1ServiceBackendPort { Number = 80 } },
                                },
                            },
                        ],
                    },
                },
            ],
        },
    }.Initialize();

    internal static V1Deployment Deployment(string name, (string Key, string Value) label) => new V1Deployment
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [label.Key] = label.Value } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { [label.Key] = label.Value } },
                Spec = new V1PodSpec
                {
                    Containers = [new V1Container { Name = "echo", Image = "echo:1", Ports = [new V1ContainerPort { ContainerPort = 8080 }] }],
                },
            },
        },
    }.Initialize();
}
