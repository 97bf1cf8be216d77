using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeRaya.Conformance.Reference.Api;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

/// <summary>
/// One reference API server per test class, its kubeconfig written to a private temporary directory, and a
/// KubernetesClient built from that kubeconfig file the way the harness builds its clients.
/// </summary>
public sealed class ReferenceApiFixture : IAsyncLifetime
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("kr-refapi-").FullName;

    public ReferenceApiServer Server { get; } = new();

    public ApiServerEndpoint Endpoint { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    public string WorkDirectory => _directory;

    public Kubernetes Client { get; private set; } = null!;

    public ObjectStore Store => Server.Store;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Endpoint = await Server.StartAsync(timeout.Token);
        KubeconfigWriter.Write(Endpoint, KubeconfigPath);
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await Server.DisposeAsync();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Creates a namespace with a random name and returns the name.</summary>
    public async Task<string> NewNamespaceAsync(string prefix = "t")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }.Initialize());
        return name;
    }

    /// <summary>
    /// A plain HTTP client for the server that trusts only the server's CA and sends <paramref name="token"/>
    /// as bearer token (none when null).
    /// </summary>
    public HttpClient RawClient(string? token)
    {
        var authority = X509Certificate2.CreateFromPem(Endpoint.CertificateAuthorityPem);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
        var client = new HttpClient(handler) { BaseAddress = Endpoint.Server, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Sends one request with a plain HTTP client (with the server's token unless <paramref name="token"/> says otherwise) and returns the status code and the JSON answer.</summary>
    public async Task<(HttpStatusCode Code, JsonNode? Body)> SendRawAsync(HttpMethod method, string path, string? json = null, string? token = "")
    {
        using var client = RawClient(token == "" ? Endpoint.Token : token);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Asserts that <paramref name="actual"/> is the JSON <paramref name="expected"/>: same members and values, any member order.</summary>
    public static void ShouldBeJson(JsonNode? actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue($"expected {expected} but was {actual?.ToJsonString()}");

    /// <summary>Runs the call, which must fail, and returns the HTTP status code and the Status object the server sent.</summary>
    public static async Task<(int Code, JsonObject Status)> FailureOf(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (HttpOperationException failure)
        {
            return ((int)failure.Response.StatusCode, JsonNode.Parse(failure.Response.Content)!.AsObject());
        }

        throw new Xunit.Sdk.XunitException("The call succeeded, but it was expected to fail with a Kubernetes Status.");
    }
}
