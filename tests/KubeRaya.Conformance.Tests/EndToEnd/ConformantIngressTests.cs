using FluentAssertions;
using KubeRaya.Conformance.Controls;
using Xunit;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>The whole E-mode suite, through the command line, against nginx configured like a sound ingress.</summary>
public sealed class ConformantIngressTests
{
    [Fact]
    public async Task A_correct_ingress_passes_every_endpoint_control_on_every_host_and_the_run_exits_0()
    {
        var run = await EndpointRun.AgainstAsync(IngressConfiguration.Correct, RunScope.Everything);

        run.ShouldFailExactly();
        var core = ControlCatalogue.All.Where(c => c.Modes.HasFlag(ControlModes.Endpoint) && c.Profile == Profile.Core).Select(c => c.Id).ToList();
        core.Should().HaveCount(13, "the catalogue decides 13 core controls (and 2 extended) in E mode");
        run.Report.Results.Where(r => core.Contains(r.Control)).Should()
            .HaveCount(core.Count * IngressConfiguration.Hosts.Count)
            .And.OnlyContain(r => r.Outcome == "passed", "a sound ingress passes every core E-mode control on every host");
        run.Process.ExitCode.Should().Be(0);
        var scenarios = run.Process.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Passed ", StringComparison.Ordinal)).ToList();
        scenarios.Should().HaveCount(15, run.Process.Transcript);
        scenarios[^1].Should().StartWith("Passed A browser typing the plain address ends on the secure page",
            "the browser's feature runs last, so that its visits, begun with the first scenario, overlap every other feature's probes");
    }
}
