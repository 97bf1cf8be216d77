using FluentAssertions;
using k8s;
using k8s.KubeConfigModels;
using KubeRaya.Conformance.Reference.Api;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class KubeconfigTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    [Fact]
    public void The_kubeconfig_names_the_loopback_server_its_CA_and_the_reference_context()
    {
        var config = KubernetesYaml.Deserialize<K8SConfiguration>(File.ReadAllText(api.KubeconfigPath));

        config.CurrentContext.Should().Be("kuberaya-reference");
        var cluster = config.Clusters.Should().ContainSingle().Subject.ClusterEndpoint;
        cluster.Server.Should().MatchRegex(@"^https://127\.0\.0\.1:\d+$");
        System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(cluster.CertificateAuthorityData)).Should().Be(api.Endpoint.CertificateAuthorityPem);
        config.Users.Should().ContainSingle().Which.UserCredentials.Token.Should().Be(api.Endpoint.Token);
    }

    [Fact]
    public void The_kubeconfig_file_is_readable_by_its_owner_only()
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The reference platform runs on Linux.");

        File.GetUnixFileMode(api.KubeconfigPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task A_client_built_from_the_kubeconfig_object_in_memory_works_too()
    {
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigWriter.Build(api.Endpoint)));

        var namespaces = await client.CoreV1.ListNamespaceAsync();

        namespaces.Items.Select(n => n.Metadata.Name).Should().Contain("default");
    }

    [Fact]
    public async Task A_client_that_trusts_another_CA_refuses_the_server()
    {
        await using var other = new ReferenceApiServer();
        var otherEndpoint = await other.StartAsync(CancellationToken.None);
        var impostor = api.Endpoint with { CertificateAuthorityPem = otherEndpoint.CertificateAuthorityPem };
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigWriter.Build(impostor)));

        var act = () => client.CoreV1.ListNamespaceAsync();

        await act.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public void The_endpoint_does_not_print_its_token()
    {
        api.Endpoint.ToString().Should().NotContain(api.Endpoint.Token).And.Contain("127.0.0.1");
    }

    [Fact]
    public async Task Disposal_is_idempotent_and_a_disposed_server_cannot_start()
    {
        var server = new ReferenceApiServer();
        await server.StartAsync(CancellationToken.None);

        await server.DisposeAsync();
        await server.DisposeAsync();
        var act = () => server.StartAsync(CancellationToken.None);

        await act.Should().ThrowAsync<ObjectDisposedException>();
    }
}
