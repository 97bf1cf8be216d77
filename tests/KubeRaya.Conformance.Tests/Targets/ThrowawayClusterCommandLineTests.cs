using FluentAssertions;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>
/// The kind and k3s targets through the command line, up to the line this machine allows: -WhatIf, and one clear
/// line with exit code 3 when kind, docker or a Docker engine is missing (exit 2 for an unverified pin), with
/// stand-in tools on PATH so that the outcome does not depend on what the machine has installed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ThrowawayClusterCommandLineTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly FakeTools _tools = new();
    private readonly string _report = Directory.CreateTempSubdirectory("kr-throwaway-report-").FullName;

    [Fact]
    public async Task What_if_prints_every_command_and_the_manifest_url_and_runs_nothing()
    {
        _tools.With("kind").With("docker").With("kubectl");

        var (code, output) = await CliProcess.RunAsync(["run", "--target", "kind", "--what-if", "--report-dir", _report], Bound, _tools.Environment);

        code.Should().Be(0, output);
        output.Should().Contain("docker info --format '{{.ServerVersion}}'")
            .And.Contain("kind version")
            .And.MatchRegex(@"kind create cluster --name kr-\d{8}-[0-9a-f]{6} --config \S+/kind-config/cluster.yaml --kubeconfig \S+/kubeconfig --wait 300s")
            .And.Contain("download: https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.15.1/deploy/static/provider/kind/deploy.yaml (sha256 unverified")
            .And.MatchRegex(@"kubectl --kubeconfig \S+/kubeconfig apply -f \S+/ingress-nginx-v1.15.1.yaml")
            .And.Contain("dry-run Ingress of class nginx admitted twice in a row")
            .And.MatchRegex(@"kind export logs '<report-dir>/cluster-logs/kind' --name kr-")
            .And.MatchRegex(@"kind delete cluster --name kr-\S+ --kubeconfig \S+ \(skipped with -KeepCluster\)");
        _tools.Calls.Should().BeEmpty("-WhatIf runs nothing");
    }

    [Fact]
    public async Task What_if_with_traefik_shows_the_chart_and_its_values()
    {
        var (code, output) = await CliProcess.RunAsync(["run", "--target", "kind", "--what-if", "--controller", "traefik", "--keep-cluster"], Bound, _tools.Environment);

        code.Should().Be(0, output);
        output.Should().Contain("-KeepCluster keeps the cluster")
            .And.Contain("download: https://traefik.github.io/charts/traefik/traefik-41.5.0.tgz")
            .And.MatchRegex(@"kubectl --kubeconfig \S+ apply -f \S+/fixtures/controllers/traefik/hsts.yaml")
            .And.MatchRegex(@"helm install traefik \S+/traefik-41.5.0.tgz --kubeconfig \S+ --namespace traefik --create-namespace --values \S+/fixtures/controllers/traefik/values.yaml")
            .And.Contain("tools needed: kind, docker, kubectl, helm");
    }

    [Fact]
    public async Task A_missing_kind_is_one_line_and_exit_code_3()
    {
        var (code, output) = await CliProcess.RunAsync(["run", "--target", "kind", "--report-dir", _report], Bound, _tools.Environment);

        code.Should().Be(3);
        output.Trim().Should().Be("kuberaya-conformance: run could not complete: 'kind' is not installed (not found on PATH), and -Target kind needs it: install kind (README.md, 'Real clusters', lists what a machine needs)");
    }

    [Fact]
    public async Task A_missing_docker_is_one_line_and_exit_code_3()
    {
        _tools.With("kind").With("kubectl");

        var (code, output) = await CliProcess.RunAsync(["run", "--target", "kind", "--report-dir", _report], Bound, _tools.Environment);

        code.Should().Be(3);
        output.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("'docker' is not installed");
        _tools.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task A_docker_without_a_running_engine_is_one_line_and_exit_code_3()
    {
        _tools.With("kind").With("kubectl").With("docker", 1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");

        var (code, output) = await CliProcess.RunAsync(["run", "--target", "kind", "--report-dir", _report], Bound, _tools.Environment);

        code.Should().Be(3);
        output.Trim().Should().Be("kuberaya-conformance: run could not complete: docker is installed but no Docker engine answers (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?): start the Docker daemon, or point DOCKER_HOST at one");
        _tools.Calls.Should().Equal("docker info --format {{.ServerVersion}}");
    }

    [Fact]
    public async Task With_every_tool_present_an_unverified_pin_is_refused_before_a_cluster_is_created()
    {
        _tools.With("kind", 0, "kind v0.27.0 go1.23.6 linux/amd64").With("docker", 0, "28.2.2").With("kubectl");

        var (code, output) = await CliProcess.RunAsync(["run", "--target", "kind", "--report-dir", _report], Bound, _tools.Environment);

        code.Should().Be(2);
        output.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("controller pin ingress-nginx v1.15.1 has no verified SHA-256");
        _tools.Calls.Should().Equal("docker info --format {{.ServerVersion}}", "kind version");
    }

    [Fact]
    public async Task A_kind_config_kind_would_reject_is_a_usage_error_naming_each_problem()
    {
        var config = Path.Combine(_report, "cluster.yaml");
        await File.WriteAllTextAsync(config, "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n    extraPortMapings: []\n");

        var (code, output) = await CliProcess.RunAsync(["run", "--target", "kind", "--kind-config", config], Bound, _tools.Environment);

        code.Should().Be(2);
        output.Should().Contain("cannot be used:\n  - nodes[0].extraPortMapings is not a field of kind's kind.x-k8s.io/v1alpha4 config")
            .And.Contain("  - 0 control-plane nodes are labelled ingress-ready=true");
    }

    [Fact]
    public async Task K3s_without_a_docker_engine_is_one_line_and_exit_code_3()
    {
        _tools.With("kubectl");
        var environment = new Dictionary<string, string>(_tools.Environment) { ["DOCKER_HOST"] = $"unix://{_report}/no-docker.sock" };

        var (code, output) = await CliProcess.RunAsync(["run", "--target", "k3s", "--report-dir", _report], Bound, environment);

        code.Should().Be(3);
        output.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("kuberaya-conformance: run could not complete: no Docker engine answers, so -Target k3s cannot start K3s (nothing answers at unix://");
    }

    [Fact]
    public async Task What_if_is_refused_for_other_targets()
    {
        var (code, output) = await CliProcess.RunAsync(["run", "--target", "reference", "--what-if"], Bound, _tools.Environment);

        code.Should().Be(2);
        output.Should().Contain("-WhatIf describes the kind target only");
    }

    public void Dispose()
    {
        _tools.Dispose();
        Directory.Delete(_report, recursive: true);
    }
}
