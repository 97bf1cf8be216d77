using FluentAssertions;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Targets;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>The commands the kind and k3s targets compose, and the runner that executes them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CommandCompositionTests : IDisposable
{
    private readonly FakeTools _tools = new();

    private static ControllerInstall Install(string controller) =>
        new(ControllerPins.Get(RepositoryFiles.Pins, controller), RepositoryFiles.Pins, "/run/kr/kubeconfig", "/run/kr/download");

    [Fact]
    public void The_kind_cluster_is_created_and_deleted_by_the_run_id_with_a_kubeconfig_of_the_run_never_the_users()
    {
        var plan = new KindPlan("kr-20261126-abcdef", "/repo/kind-config/cluster.yaml", Install("ingress-nginx"));

        plan.Create.CommandLine.Should().Be("kind create cluster --name kr-20261126-abcdef --config /repo/kind-config/cluster.yaml --kubeconfig /run/kr/kubeconfig --wait 300s");
        plan.ExportLogs("/report/cluster-logs/kind").CommandLine.Should().Be("kind export logs /report/cluster-logs/kind --name kr-20261126-abcdef");
        plan.Delete.CommandLine.Should().Be("kind delete cluster --name kr-20261126-abcdef --kubeconfig /run/kr/kubeconfig");
        plan.Tools.Should().Equal("kind", "docker", "kubectl");
        KindPlan.DockerEngine.Arguments.Should().Equal("info", "--format", "{{.ServerVersion}}");
    }

    [Fact]
    public void Ingress_nginx_is_applied_from_the_downloaded_manifest_and_traefik_installed_from_the_chart_with_its_values()
    {
        Install("ingress-nginx").Commands.Select(c => c.CommandLine).Should().Equal("kubectl --kubeconfig /run/kr/kubeconfig apply -f /run/kr/download");

        var traefik = Install("traefik");
        traefik.Commands.Select(c => c.CommandLine).Should().Equal(
            $"kubectl --kubeconfig /run/kr/kubeconfig apply -f {RepositoryFiles.Pins}/traefik/hsts.yaml",
            $"helm install traefik /run/kr/download --kubeconfig /run/kr/kubeconfig --namespace traefik --create-namespace --values {RepositoryFiles.Pins}/traefik/values.yaml");
        traefik.Tools.Should().Equal("kubectl", "helm");
        traefik.ControllerLogs.CommandLine.Should().Be("kubectl --kubeconfig /run/kr/kubeconfig logs --namespace traefik --selector app.kubernetes.io/name=traefik --all-containers=true --prefix --tail=-1");
    }

    [Fact]
    public void K3s_runs_a_pinned_image_without_its_bundled_traefik_publishes_80_and_443_and_labels_its_node_for_the_same_controller()
    {
        var plan = new K3sPlan("kr-20261126-abcdef", Install("ingress-nginx"));

        K3sPlan.Image.Should().MatchRegex(@"^rancher/k3s:v1\.\d+\.\d+-k3s\d+$");
        K3sPlan.ServerArguments.Should().Equal("server", "--disable=traefik");
        K3sPlan.IngressPorts.Should().Equal(80, 443);
        K3sPlan.DockerSettings.Should().Equal(new Dictionary<string, string> { ["TESTCONTAINERS_RYUK_DISABLED"] = "true", ["TESTCONTAINERS_HOST_OVERRIDE"] = "127.0.0.1" });
        plan.Labels.Should().Equal(new Dictionary<string, string> { ["conformance.kuberaya.io/run"] = "kr-20261126-abcdef" });
        plan.LabelNode.CommandLine.Should().Be("kubectl --kubeconfig /run/kr/kubeconfig label nodes --all ingress-ready=true --overwrite");
        plan.Tools.Should().Equal("kubectl");
    }

    [Fact]
    public void A_command_line_quotes_only_what_a_shell_would_split_or_expand() =>
        new ToolCommand("kind", ["export", "logs", "/tmp/my logs", "it's", "{{.X}}", "a=b,c"], "test").CommandLine
            .Should().Be("kind export logs '/tmp/my logs' 'it'\\''s' '{{.X}}' a=b,c");

    [Fact]
    public async Task The_runner_finds_tools_on_its_path_runs_them_without_a_shell_and_reports_failures_in_one_line()
    {
        _tools.With("kubectl", 0, "applied").With("helm", 1, "Error: INSTALLATION FAILED: cannot re-use a name");
        var runner = new ToolRunner(_tools.Path);
        var timeout = new NamedTimeout("tool", TimeSpan.FromSeconds(20));

        var ok = await runner.RunCheckedAsync(new ToolCommand("kubectl", ["apply", "-f", "x y.yaml"], "apply"), timeout, CancellationToken.None);
        var failure = await FluentActions.Awaiting(() => runner.RunCheckedAsync(new ToolCommand("helm", ["install", "traefik"], "install traefik"), timeout, CancellationToken.None))
            .Should().ThrowAsync<ClusterConnectionException>();
        var missing = await FluentActions.Awaiting(() => runner.RunAsync(new ToolCommand("kind", ["version"], "read kind's version"), timeout, CancellationToken.None))
            .Should().ThrowAsync<ClusterConnectionException>();

        ok.Output.Trim().Should().Be("applied");
        _tools.Calls.Should().Equal("kubectl apply -f x y.yaml", "helm install traefik");
        failure.Which.Message.Should().Be("'helm install traefik' failed to install traefik (exit 1): Error: INSTALLATION FAILED: cannot re-use a name");
        missing.Which.Message.Should().StartWith("'kind' is not installed (not found on PATH), so this target cannot read kind's version");
        runner.Locate("kubectl").Should().Be(Path.Combine(_tools.Path, "kubectl"));
        runner.Locate("kind").Should().BeNull();
    }

    [Fact]
    public async Task A_command_that_outlives_its_timeout_is_killed_and_reported()
    {
        var script = Path.Combine(_tools.Path, "kind");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nexec /bin/sleep 30\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = await new ToolRunner(_tools.Path).RunAsync(new ToolCommand("kind", ["create", "cluster"], "create"), new NamedTimeout("cluster-create", TimeSpan.FromSeconds(1)), CancellationToken.None);

        result.ExitCode.Should().Be(-1);
        result.LastLine.Should().Be("killed after the cluster-create timeout (1 s)");
    }

    public void Dispose() => _tools.Dispose();
}
