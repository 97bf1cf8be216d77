using FluentAssertions;
using k8s;
using k8s.Models;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class SelectorTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    private readonly Kubernetes _client = api.Client;

    [Theory]
    [InlineData("", new[] { "blue-web", "green-web", "plain", "red-db" })]
    [InlineData("app=web", new[] { "blue-web", "green-web" })]
    [InlineData("app==web", new[] { "blue-web", "green-web" })]
    [InlineData("app!=web", new[] { "plain", "red-db" })]
    [InlineData("colour in (blue, red)", new[] { "blue-web", "red-db" })]
    [InlineData("colour notin (blue,red)", new[] { "green-web", "plain" })]
    [InlineData("colour", new[] { "blue-web", "green-web", "red-db" })]
    [InlineData("!colour", new[] { "plain" })]
    [InlineData("app=web,colour!=green", new[] { "blue-web" })]
    [InlineData("tier>2", new[] { "red-db" })]
    public async Task Label_selectors_select_as_the_API_server_does(string selector, string[] expected)
    {
        var ns = await SeedAsync();

        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: selector);

        list.Items.Select(c => c.Metadata.Name).Should().Equal(expected);
    }

    [Fact]
    public async Task An_unparsable_label_selector_is_400_BadRequest()
    {
        var ns = await SeedAsync();

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "app in (web"));

        code.Should().Be(400);
        status["message"]!.GetValue<string>().Should().StartWith("unable to parse requirement:");
    }

    [Fact]
    public async Task Field_selectors_select_by_name_and_supported_fields()
    {
        var ns = await SeedAsync();
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "opaque" } }, ns);
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "tls" },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1], ["tls.key"] = [2] },
        }, ns);

        var byName = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name=plain");
        var notByName = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name!=plain");
        var byType = await _client.CoreV1.ListNamespacedSecretAsync(ns, fieldSelector: "type=kubernetes.io/tls");
        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "data.colour=blue"));

        byName.Items.Select(c => c.Metadata.Name).Should().Equal("plain");
        notByName.Items.Should().HaveCount(3);
        byType.Items.Select(s => s.Metadata.Name).Should().Equal("tls");
        code.Should().Be(400);
        status["message"]!.GetValue<string>().Should().Be("field label not supported: data.colour");
    }

    [Fact]
    public async Task Lists_across_namespaces_name_each_item_s_namespace()
    {
        var first = await SeedAsync();
        var second = await SeedAsync();

        var list = await _client.CoreV1.ListConfigMapForAllNamespacesAsync(labelSelector: "colour=red");

        list.Items.Where(c => c.Metadata.NamespaceProperty == first || c.Metadata.NamespaceProperty == second)
            .Select(c => c.Metadata.NamespaceProperty).Should().BeEquivalentTo([first, second]);
    }

    [Fact]
    public async Task Limit_and_continue_page_through_a_list()
    {
        var ns = await SeedAsync();

        var firstPage = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 3);
        var secondPage = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 3, continueParameter: firstPage.Metadata.ContinueProperty);

        firstPage.Items.Select(c => c.Metadata.Name).Should().Equal("blue-web", "green-web", "plain");
        firstPage.Metadata.RemainingItemCount.Should().Be(1);
        secondPage.Items.Select(c => c.Metadata.Name).Should().Equal("red-db");
        secondPage.Metadata.ContinueProperty.Should().BeNull();
    }

    private async Task<string> SeedAsync()
    {
        var ns = await api.NewNamespaceAsync("sel");
        foreach (var (name, labels) in new (string, Dictionary<string, string>)[]
                 {
                     ("blue-web", new() { ["app"] = "web", ["colour"] = "blue", ["tier"] = "1" }),
                     ("green-web", new() { ["app"] = "web", ["colour"] = "green" }),
                     ("red-db", new() { ["app"] = "db", ["colour"] = "red", ["tier"] = "3" }),
                     ("plain", new()),
                 })
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, ns);
        }

        return ns;
    }
}
