using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Workloads;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>
/// The Done-when of the existing target: the reference platform started on its own (<c>serve</c>) passes the whole
/// suite through <c>run --target existing</c>; afterwards no object carrying a run label remains, an object the
/// run did not create was never touched, and SIGTERM stops the platform and removes its network namespace.
/// </summary>
[Collection(ServedPlatformCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExistingTargetTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("kr-existing-test-");

    [Fact]
    public async Task The_served_reference_platform_passes_the_whole_suite_as_an_existing_cluster_and_keeps_what_the_run_did_not_create()
    {
        // Given the reference platform served on its own
        var serveDirectory = Path.Combine(_work.FullName, "served");
        using var serve = CliProcess.Start(["serve", "--report-dir", serveDirectory]);
        var platformFile = Path.Combine(serveDirectory, "platform.json");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(platformFile) && !serve.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Delay(200);
        File.Exists(platformFile).Should().BeTrue($"serve writes platform.json once ready; its output was:\n{serve.Output}");
        var platform = JsonDocument.Parse(await File.ReadAllTextAsync(platformFile)).RootElement;
        var ingressAddress = platform.GetProperty("ingressAddress").GetString()!;
        platform.GetProperty("httpPort").GetInt32().Should().Be(80);
        platform.GetProperty("httpsPort").GetInt32().Should().Be(443);
        File.ReadAllText(platform.GetProperty("caBundle").GetString()!).Should().StartWith("-----BEGIN CERTIFICATE-----");
        var kubeconfig = Path.Combine(serveDirectory, "kubeconfig");
        File.GetUnixFileMode(kubeconfig).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var platformNamespace = NetworkNamespaceHolding(ingressAddress);
        platformNamespace.Should().StartWith("kr-", "the served platform's ingress lives in a network namespace of its own");

        // And an object the run does not create: an unlabelled namespace with a ConfigMap in it
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        var bystander = $"bystander-{Guid.NewGuid():N}"[..20];
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = bystander } });
        var keep = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "keep-me" }, Data = new Dictionary<string, string> { ["owner"] = "not the harness" } }, bystander);

        // When the whole suite runs against it as an existing cluster
        var reportDirectory = Path.Combine(_work.FullName, "report");
        var (exitCode, output) = await CliProcess.RunAsync(["run", "--target", "existing", "--kubeconfig", kubeconfig, "--report-dir", reportDirectory], TimeSpan.FromMinutes(8));

        // Then it is conformant, and the report names the cluster's version, the controller, the nodes and the harness commit
        exitCode.Should().Be(0, $"the whole suite passes on the reference platform; output:\n{output}");
        var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reportDirectory, "summary.json"))).RootElement;
        summary.GetProperty("target").GetString().Should().Be("existing");
        var environment = summary.GetProperty("environment");
        environment.GetProperty("kubernetesVersion").GetString().Should().Contain("kuberaya-reference");
        environment.GetProperty("controller").GetString().Should().Be("kuberaya.io/reference-ingress-nginx");
        environment.GetProperty("nodeImage").GetString().Should().NotBeNullOrEmpty();
        environment.GetProperty("harnessCommit").GetString().Should().NotBe("unknown");

        // And no object carrying the run's label remains
        var labelled = $"{RunLabels.Run}";
        (await client.CoreV1.ListNamespaceAsync(labelSelector: labelled)).Items.Should().BeEmpty();
        (await client.CoreV1.ListSecretForAllNamespacesAsync(labelSelector: labelled)).Items.Should().BeEmpty();
        (await client.CoreV1.ListServiceForAllNamespacesAsync(labelSelector: labelled)).Items.Should().BeEmpty();
        (await client.AppsV1.ListDeploymentForAllNamespacesAsync(labelSelector: labelled)).Items.Should().BeEmpty();
        (await client.NetworkingV1.ListIngressForAllNamespacesAsync(labelSelector: labelled)).Items.Should().BeEmpty();

        // And the object it did not create was never touched
        var after = await client.CoreV1.ReadNamespacedConfigMapAsync("keep-me", bystander);
        after.Metadata.ResourceVersion.Should().Be(keep.Metadata.ResourceVersion);
        after.Data.Should().Equal(keep.Data);
        (await client.CoreV1.ReadNamespaceAsync(bystander)).Status.Phase.Should().Be("Active");

        // When the served platform gets SIGTERM
        serve.Signal("TERM");

        // Then it stops cleanly, removes its files and its network namespace
        (await serve.WaitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, $"serve stops cleanly on SIGTERM; its output was:\n{serve.Output}");
        File.Exists(kubeconfig).Should().BeFalse("the kubeconfig's token died with the platform");
        NetworkNamespaces().Should().NotContain(platformNamespace);
    }

    private static IReadOnlyList<string> NetworkNamespaces() =>
        [.. Run("ip", "netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).Where(n => n.StartsWith("kr-", StringComparison.Ordinal))];

    // Other tests may run platforms of their own: the served one is the namespace that holds its ingress address.
    private static string NetworkNamespaceHolding(string address) =>
        NetworkNamespaces().FirstOrDefault(n => Run("ip", "-n", n, "-o", "addr").Contains($" {address}/", StringComparison.Ordinal)) ?? "";

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
