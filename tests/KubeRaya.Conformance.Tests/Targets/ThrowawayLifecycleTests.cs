using FluentAssertions;
using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Targets;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>
/// How a throwaway cluster ends: on every way out of opening it (a tool failing, a Ctrl-C, any exception) and at the
/// end of the run, the controller's and the cluster's logs land in the report directory first, then the cluster is
/// removed unless kept, then the work folder goes; and it happens once.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ThrowawayLifecycleTests : IDisposable
{
    private readonly FakeTools _tools = new();
    private readonly string _report = Directory.CreateTempSubdirectory("kr-lifecycle-report-").FullName;
    private readonly StringWriter _output = new();

    public static TheoryData<Exception> Failures() => new()
    {
        new ClusterConnectionException("'kubectl apply' failed to install ingress-nginx v1.15.1 (exit 1): boom", false),
        new OperationCanceledException("interrupted by SIGINT"),
        new InvalidOperationException("anything else"),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failure_after_creation_keeps_the_logs_and_removes_the_cluster(Exception failure)
    {
        _tools.With("kubectl", 0, "controller log line");
        var lifecycle = Lifecycle(keep: false);

        var thrown = await FluentActions.Awaiting(() => lifecycle.GuardAsync<int>(() =>
        {
            lifecycle.Created = true;
            throw failure;
        })).Should().ThrowAsync<Exception>();

        thrown.Which.Should().BeOfType(failure is ClusterConnectionException ? typeof(IncompleteRunException) : failure.GetType());
        lifecycle.Events.Should().Equal("cluster logs", "removed");
        File.ReadAllText(Path.Combine(_report, "cluster-logs", "ingress-nginx.log")).Should().Contain("controller log line");
        Directory.Exists(lifecycle.Work.FullName).Should().BeFalse("the run's kubeconfig and downloads go with the cluster");
    }

    [Fact]
    public async Task A_failure_before_creation_removes_nothing_but_the_work_folder()
    {
        var lifecycle = Lifecycle(keep: false);

        await FluentActions.Awaiting(() => lifecycle.GuardAsync<int>(() => throw new IncompleteRunException("'kind' is not installed"))).Should().ThrowAsync<IncompleteRunException>();

        lifecycle.Events.Should().BeEmpty();
        Directory.Exists(Path.Combine(_report, "cluster-logs")).Should().BeFalse();
        Directory.Exists(lifecycle.Work.FullName).Should().BeFalse();
    }

    [Fact]
    public async Task A_kept_cluster_is_not_removed_and_the_run_says_how_to_reach_it()
    {
        _tools.With("kubectl");
        var lifecycle = Lifecycle(keep: true);
        lifecycle.Created = true;

        await lifecycle.ExportLogsAsync(CancellationToken.None);
        await lifecycle.StopAsync();
        await lifecycle.StopAsync();

        lifecycle.Events.Should().Equal("cluster logs");
        _output.ToString().Should().Contain("kept (-KeepCluster)");
    }

    private RecordingLifecycle Lifecycle(bool keep)
    {
        var install = new ControllerInstall(ControllerPins.Get(RepositoryFiles.Pins, "ingress-nginx"), RepositoryFiles.Pins, "/run/kr/kubeconfig", "/run/kr/download");
        var work = Directory.CreateTempSubdirectory("kr-lifecycle-work-");
        return new RecordingLifecycle(install, new ToolRunner(_tools.Path), keep, _report, work, _output) { Work = work };
    }

    public void Dispose()
    {
        _tools.Dispose();
        Directory.Delete(_report, recursive: true);
        _output.Dispose();
    }

    private sealed class RecordingLifecycle(ControllerInstall install, ToolRunner tools, bool keep, string report, DirectoryInfo work, TextWriter output)
        : ThrowawayLifecycle(install, tools, keep, report, work, output)
    {
        public List<string> Events { get; } = [];

        public required DirectoryInfo Work { get; init; }

        protected override string KeptLine => "test cluster kept (-KeepCluster): reach it with its kubeconfig";

        protected override Task ExportClusterLogsAsync(string folder, CancellationToken cancellationToken)
        {
            Events.Add("cluster logs");
            return Task.CompletedTask;
        }

        protected override Task<string?> RemoveAsync()
        {
            Events.Add("removed");
            return Task.FromResult<string?>(null);
        }
    }
}
