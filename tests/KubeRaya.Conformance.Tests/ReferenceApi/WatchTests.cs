using FluentAssertions;
using k8s;
using k8s.Models;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceApi;

public sealed class WatchTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    private readonly Kubernetes _client = api.Client;

    [Fact]
    public async Task A_watch_from_a_list_s_resource_version_sees_additions_modifications_and_deletions()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("before"), ns);
        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<(WatchEventType, string, string?)>();

        var watching = _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: timeout.Token);
        var reader = Task.Run(async () =>
        {
            await foreach (var (type, item) in watching)
            {
                events.Add((type, item.Metadata.Name, item.Data?["k"]));
                if (type == WatchEventType.Deleted) return;
            }
        }, timeout.Token);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("watched", ("k", "1")), ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"2"}}""", V1Patch.PatchType.MergePatch), "watched", ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("watched", ns);
        await reader;

        events.Should().Equal(
            (WatchEventType.Added, "watched", "1"),
            (WatchEventType.Modified, "watched", "2"),
            (WatchEventType.Deleted, "watched", "2"));
    }

    [Fact]
    public async Task A_watch_without_a_resource_version_starts_with_the_current_objects()
    {
        var ns = await api.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("existing"), ns);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        (WatchEventType Type, string Name) first = default;
        await foreach (var (type, item) in _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, cancellationToken: timeout.Token))
        {
            first = (type, item.Metadata.Name);
            break;
        }

        first.Should().Be((WatchEventType.Added, "existing"));
    }

    [Fact]
    public async Task A_label_filtered_watch_sees_objects_enter_and_leave_its_selection()
    {
        var ns = await api.NewNamespaceAsync();
        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<(WatchEventType, string)>();

        var watching = _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, labelSelector: "tier=front", resourceVersion: list.Metadata.ResourceVersion, cancellationToken: timeout.Token);
        var reader = Task.Run(async () =>
        {
            await foreach (var (type, item) in watching)
            {
                events.Add((type, item.Metadata.Labels?["tier"] ?? ""));
                if (events.Count == 2) return;
            }
        }, timeout.Token);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm", Labels = new Dictionary<string, string> { ["tier"] = "back" } } }, ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"tier":"front"}}}""", V1Patch.PatchType.MergePatch), "cm", ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"tier":"back"}}}""", V1Patch.PatchType.MergePatch), "cm", ns);
        await reader;

        events.Should().Equal((WatchEventType.Added, "front"), (WatchEventType.Deleted, "back"));
    }
}
