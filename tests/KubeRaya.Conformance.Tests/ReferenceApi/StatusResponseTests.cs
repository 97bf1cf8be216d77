using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Models;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class StatusResponseTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    private readonly Kubernetes _client = api.Client;

    [Fact]
    public async Task A_missing_object_is_404_NotFound_naming_the_resource()
    {
        var ns = await api.NewNamespaceAsync();

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.NetworkingV1.ReadNamespacedIngressAsync("absent", ns));

        code.Should().Be(404);
        ReferenceApiFixture.ShouldBeJson(status, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"ingresses.networking.k8s.io \"absent\" not found","reason":"NotFound","details":{"name":"absent","group":"networking.k8s.io","kind":"ingresses"},"code":404}""");
    }

    [Fact]
    public async Task Creating_an_existing_name_is_409_AlreadyExists()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "dup" } }, ns);

        var (code, status) = await ReferenceApiFixture.FailureOf(() =>
            _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "dup" } }, ns));

        code.Should().Be(409);
        ReferenceApiFixture.ShouldBeJson(status, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"secrets \"dup\" already exists","reason":"AlreadyExists","details":{"name":"dup","kind":"secrets"},"code":409}""");
    }

    [Fact]
    public async Task A_request_without_a_token_is_401_Unauthorized()
    {
        var (code, status) = await api.SendRawAsync(HttpMethod.Get, "/api/v1/namespaces", token: null);

        code.Should().Be(HttpStatusCode.Unauthorized);
        ReferenceApiFixture.ShouldBeJson(status,
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""");
    }

    [Fact]
    public async Task A_client_with_a_wrong_token_is_refused_with_401()
    {
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(api.KubeconfigPath);
        configuration.AccessToken = api.Endpoint.Token[..^1] + (api.Endpoint.Token[^1] == 'A' ? 'B' : 'A');
        using var client = new Kubernetes(configuration);

        var (code, status) = await ReferenceApiFixture.FailureOf(() => client.CoreV1.ListNamespaceAsync());

        code.Should().Be(401);
        status["reason"]!.GetValue<string>().Should().Be("Unauthorized");
    }

    [Fact]
    public async Task The_token_is_required_on_discovery_too()
    {
        var (refused, _) = await api.SendRawAsync(HttpMethod.Get, "/version", token: null);
        var (accepted, version) = await api.SendRawAsync(HttpMethod.Get, "/version");

        refused.Should().Be(HttpStatusCode.Unauthorized);
        accepted.Should().Be(HttpStatusCode.OK);
        version!["gitVersion"]!.GetValue<string>().Should().Be("v1.32.0+kuberaya-reference");
    }

    [Fact]
    public async Task An_unknown_resource_is_404_with_a_Status()
    {
        var (code, status) = await api.SendRawAsync(HttpMethod.Get, "/api/v1/namespaces/default/widgets");

        code.Should().Be(HttpStatusCode.NotFound);
        status!["kind"]!.GetValue<string>().Should().Be("Status");
        status["message"]!.GetValue<string>().Should().Be("the server could not find the requested resource");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_400_BadRequest()
    {
        var (code, status) = await api.SendRawAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", "{not json");

        code.Should().Be(HttpStatusCode.BadRequest);
        status!["reason"]!.GetValue<string>().Should().Be("BadRequest");
        status["code"]!.GetValue<int>().Should().Be(400);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_400_BadRequest()
    {
        var (code, status) = await api.SendRawAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets", """{"metadata":{"name":"x"},"data":{"a":"not base64!"}}""");

        code.Should().Be(HttpStatusCode.BadRequest);
        status!["message"]!.GetValue<string>().Should().StartWith("Secret in version \"v1\" cannot be handled as a Secret:");
    }

    [Fact]
    public async Task A_name_in_the_body_that_differs_from_the_URL_is_400_BadRequest()
    {
        var ns = await api.NewNamespaceAsync();
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("one"), ns);

        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "two", ns));

        code.Should().Be(400);
        status["message"]!.GetValue<string>().Should().Be("the name of the object (one) does not match the name on the URL (two)");
    }

    [Fact]
    public async Task Posting_to_an_object_URL_is_405_MethodNotAllowed()
    {
        var (code, status) = await api.SendRawAsync(HttpMethod.Post, "/api/v1/namespaces/default", "{}");

        code.Should().Be(HttpStatusCode.MethodNotAllowed);
        status!["reason"]!.GetValue<string>().Should().Be("MethodNotAllowed");
    }

    [Fact]
    public async Task Server_side_apply_is_refused_as_an_unsupported_media_type()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("cm"), ns);

        var (code, status) = await ReferenceApiFixture.FailureOf(() =>
            _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{}", V1Patch.PatchType.ApplyPatch), "cm", ns, fieldManager: "test"));

        code.Should().Be(415);
        status["reason"]!.GetValue<string>().Should().Be("UnsupportedMediaType");
    }

    [Fact]
    public async Task Strict_field_validation_refuses_unknown_fields()
    {
        var ns = await api.NewNamespaceAsync();

        var (code, status) = await api.SendRawAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps?fieldValidation=Strict",
            """{"metadata":{"name":"cm","colour":"blue"},"data":{"k":"v"},"spec":{}}""");

        code.Should().Be(HttpStatusCode.BadRequest);
        status!["message"]!.GetValue<string>().Should().Be("strict decoding error: unknown field \"metadata.colour\", unknown field \"spec\"");
    }

    [Fact]
    public async Task Without_strict_validation_unknown_fields_are_dropped_with_a_warning()
    {
        var ns = await api.NewNamespaceAsync();
        using var client = api.RawClient(api.Endpoint.Token);
        using var body = new StringContent("""{"metadata":{"name":"cm"},"data":{"k":"v"},"spec":{"x":1}}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri($"/api/v1/namespaces/{ns}/configmaps", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.GetValues("Warning").Should().Equal("299 - \"unknown field \\\"spec\\\"\"");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject().ContainsKey("spec").Should().BeFalse();
    }

    [Fact]
    public async Task The_system_namespaces_may_not_be_deleted()
    {
        var (code, status) = await ReferenceApiFixture.FailureOf(() => _client.CoreV1.DeleteNamespaceAsync("kube-system"));

        code.Should().Be(403);
        status["message"]!.GetValue<string>().Should().Be("namespaces \"kube-system\" is forbidden: this namespace may not be deleted");
        (await _client.CoreV1.ReadNamespaceAsync("kube-system")).Metadata.Name.Should().Be("kube-system");
    }
}
