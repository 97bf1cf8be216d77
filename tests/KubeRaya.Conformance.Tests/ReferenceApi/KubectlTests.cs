using System.Diagnostics;
using System.Text;
using FluentAssertions;
using k8s;
using k8s.Models;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

/// <summary>kubectl 1.32 (at /usr/bin/kubectl) against the written kubeconfig, as a person debugging the reference platform would use it.</summary>
public sealed class KubectlTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    private const string Kubectl = "/usr/bin/kubectl";
    private readonly Kubernetes _client = api.Client;

    [Fact]
    public async Task Kubectl_get_ns_lists_the_namespaces()
    {
        var ns = await api.NewNamespaceAsync();

        var (exit, output, errors) = await RunAsync("get", "ns");

        exit.Should().Be(0, errors);
        output.Should().Contain(ns).And.Contain("kube-system");
    }

    [Fact]
    public async Task Kubectl_get_ingress_across_namespaces_prints_the_server_s_columns()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.NetworkingV1.CreateNamespacedIngressAsync(ValidationTests.Ingress("shop", "shop.example.test", "/", "Prefix"), ns);

        var (exit, output, errors) = await RunAsync("get", "ingress", "-A");

        exit.Should().Be(0, errors);
        var lines = output.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        lines[0].Should().Be("NAMESPACE NAME CLASS HOSTS ADDRESS PORTS AGE");
        lines.Should().Contain(l => l.StartsWith($"{ns} shop <none> shop.example.test 80, 443 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kubectl_describe_secret_shows_its_type_and_data_sizes_but_not_its_values()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "web-tls" },
            Type = "kubernetes.io/tls",
            StringData = new Dictionary<string, string> { ["tls.crt"] = "certificate-text", ["tls.key"] = "key-text" },
        }, ns);

        var (exit, output, errors) = await RunAsync("describe", "secret", "web-tls", "-n", ns);

        exit.Should().Be(0, errors);
        output.Should().Contain("kubernetes.io/tls").And.Contain("tls.crt:  16 bytes").And.Contain("tls.key:  8 bytes");
        output.Should().NotContain("certificate-text");
    }

    [Fact]
    public async Task Kubectl_delete_ns_deletes_the_namespace_and_its_contents()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, ns);

        var (exit, output, errors) = await RunAsync("delete", "ns", ns);

        exit.Should().Be(0, errors);
        output.Should().Contain($"namespace \"{ns}\" deleted");
        api.Store.Get<V1Namespace>(null, ns).Should().BeNull();
        api.Store.List<V1Secret>(ns).Should().BeEmpty();
    }

    [Fact]
    public async Task Kubectl_create_from_a_manifest_is_validated_by_the_server()
    {
        var ns = await api.NewNamespaceAsync();
        var manifest = Path.Combine(api.WorkDirectory, $"{ns}.yaml");
        var ingress = ValidationTests.Ingress("web", "web.example.test", "/", pathType: null);
        ingress.Metadata.NamespaceProperty = ns;
        await File.WriteAllTextAsync(manifest, KubernetesYaml.Serialize(ingress));

        var (exit, _, errors) = await RunAsync("create", "-f", manifest);

        exit.Should().NotBe(0);
        errors.Should().Contain("spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified");
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        File.Exists(Kubectl).Should().BeTrue("these tests drive the kubectl installed at /usr/bin/kubectl");
        var start = new ProcessStartInfo(Kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "--kubeconfig", api.KubeconfigPath, "--cache-dir", Path.Combine(api.WorkDirectory, "kubectl-cache"), "--request-timeout", "20s" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
