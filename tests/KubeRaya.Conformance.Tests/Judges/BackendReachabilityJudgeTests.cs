using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class BackendReachabilityJudgeTests
{
    private static readonly ReachabilityEvidence PodRefused = new("10.77.0.5", 8080, false, "connection refused") { Target = "pod echo-7f9c" };
    private static readonly ReachabilityEvidence ClusterIpTimedOut = new("10.96.0.12", 80, false, "timed out after 3 s") { Target = "ClusterIP echo" };

    [Fact]
    public void Backends_that_refuse_or_ignore_the_harness_pass()
    {
        var verdict = BackendReachabilityJudge.Judge(Make.Host, [PodRefused, ClusterIpTimedOut]);

        verdict.Outcome.Should().Be(Outcome.Passed);
        verdict.Control.Should().Be("KR-PRIV-02");
        verdict.Observed.Should().Contain("10.77.0.5:8080 (pod echo-7f9c): connection refused");
    }

    [Fact]
    public void A_backend_accepting_a_connection_fails_naming_it()
    {
        var verdict = BackendReachabilityJudge.Judge(Make.Host, [PodRefused, new("fd00::5", 8080, true, "connected") { Target = "pod echo-2" }]);

        verdict.Outcome.Should().Be(Outcome.Failed);
        verdict.Observed.Should().Be("[fd00::5]:8080 (pod echo-2) accepted a TCP connection (connected)");
    }

    [Fact]
    public void No_attempt_cannot_decide() =>
        BackendReachabilityJudge.Judge(Make.Host, []).Outcome.Should().Be(Outcome.Error);
}
