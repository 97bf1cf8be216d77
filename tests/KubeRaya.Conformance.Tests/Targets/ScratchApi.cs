using k8s;
using k8s.Models;
using KubeRaya.Conformance.Reference.Api;
using KubeRaya.Conformance.Targets;
using KubeRaya.Conformance.Tests.ReferenceApi;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>A reference API server of one test's own (disposable with await using), optionally with IngressClasses.</summary>
public sealed class ScratchApi : IAsyncDisposable
{
    private readonly ReferenceApiFixture _fixture = new();

    public Kubernetes Client => _fixture.Client;

    public string KubeconfigPath => _fixture.KubeconfigPath;

    public string WorkDirectory => _fixture.WorkDirectory;

    public ApiServerEndpoint Endpoint => _fixture.Endpoint;

    public ObjectStore Store => _fixture.Store;

    public static async Task<ScratchApi> StartAsync(params (string Name, bool Default)[] classes)
    {
        var api = new ScratchApi();
        await api._fixture.InitializeAsync();
        foreach (var (name, isDefault) in classes)
        {
            api.Store.Upsert(new V1IngressClass
            {
                Metadata = new V1ObjectMeta { Name = name, Annotations = isDefault ? new Dictionary<string, string> { [ClusterPreflight.DefaultClassAnnotation] = "true" } : null },
                Spec = new V1IngressClassSpec { Controller = $"example.test/{name}" },
            }.Initialize());
        }
        return api;
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();
}
