using FluentAssertions;
using KubeRaya.Conformance.Controls;
using Xunit;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// Every E-mode check against endpoints that misbehave in one way each. None of them may get a pass for a control
/// it breaks; every verdict says what happened in words and points at its evidence; everything ends within its
/// timeouts; nothing crashes.
/// </summary>
public sealed class HostileEndpointTests
{
    // Connect, handshake, request and raw-hello bounds are 1 to 3 s; observations run concurrently, so the whole
    // set ends well inside this even on a busy two-core machine. The browser adds its own 15 s bound.
    private static readonly TimeSpan WithoutBrowser = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WithBrowser = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Names => HostileCase.Names;

    [Fact]
    public void Every_endpoint_control_of_the_catalogue_is_exercised_by_these_tests()
    {
        EndpointRun.Checks.Keys.Should().BeEquivalentTo(HostileCase.AllEndpointControls);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hostile_endpoint_gets_no_pass_for_a_control_it_breaks_and_every_verdict_says_why(string name)
    {
        var hostile = HostileCase.Named(name);
        var limit = hostile.WithBrowser ? WithBrowser : WithoutBrowser;
        await using var server = hostile.Start();
        using var bound = new CancellationTokenSource(limit * 2);

        var run = await EndpointRun.ObserveAsync(server, hostile.WithBrowser, bound.Token);

        var verdicts = Describe(run.Verdicts);
        run.Verdicts.Select(v => v.Control).Should().BeEquivalentTo(
            HostileCase.AllEndpointControls.Where(c => hostile.WithBrowser || c != "KR-UX-01"), "every E-mode check judges the host once");
        run.Verdicts.Where(v => server.Breaks.Contains(v.Control)).Should().OnlyContain(
            v => v.Outcome == Outcome.Failed || v.Outcome == Outcome.Error,
            $"'{name}' breaks {string.Join(", ", server.Breaks.Order())}; verdicts were:\n{verdicts}");
        run.Verdicts.Should().OnlyContain(v => !string.IsNullOrWhiteSpace(v.Observed) && !v.Observed.Contains("no reason recorded"), verdicts);
        run.Verdicts.Should().OnlyContain(v => v.Evidence != null, "every verdict points at its evidence file");
        run.Verdicts.Single(v => v.Control == "KR-TLS-01").Observed.Should().Contain(hostile.HttpsServedReason, verdicts);
        run.Elapsed.Should().BeLessThan(limit, verdicts);
    }

    [Fact]
    public async Task All_fifty_certificates_of_a_long_chain_are_recorded_and_none_is_trusted()
    {
        await using var server = HostileCase.Named("sends a chain of 50 certificates").Start();
        var probe = new Conformance.Probes.TlsProbe(EndpointRun.Short, Tests.Probes.Servers.TestCertificates.Shared.Bundle);

        var evidence = await probe.HandshakeAsync(new("127.0.0.1", server.HttpPort, server.HttpsPort), EndpointRun.Host, EndpointRun.Host, null, CancellationToken.None);

        evidence.Completed.Should().BeTrue(evidence.Failure);
        evidence.ServedChain.Should().HaveCount(LongChain.Length);
        evidence.ChainValidation!.Trusted.Should().BeFalse();
    }

    private static string Describe(IEnumerable<Verdict> verdicts) =>
        string.Join("\n", verdicts.OrderBy(v => v.Control, StringComparer.Ordinal).Select(v => $"  {v.Control} {v.Outcome}: {v.Observed}"));
}
