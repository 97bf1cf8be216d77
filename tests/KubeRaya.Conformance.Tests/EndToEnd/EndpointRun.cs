using FluentAssertions;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// One <c>run --target endpoint</c> of the command line against a <see cref="LocalIngress"/>, and what it reported.
/// The report directory is a temporary one, removed once summary.json has been read.
/// </summary>
internal sealed record EndpointRun(CliRun Process, RunReport Report, RunScope Scope)
{
    /// <summary>Starts nginx as <paramref name="configuration"/> says, runs the command line on both hosts, stops nginx.</summary>
    public static async Task<EndpointRun> AgainstAsync(IngressConfiguration configuration, RunScope scope)
    {
        await using var ingress = await LocalIngress.StartAsync(configuration);
        var work = Directory.CreateTempSubdirectory("kr-e2e-");
        try
        {
            var report = Path.Combine(work.FullName, "report");
            var process = await ConformanceCli.RunAsync(
            [
                "run", "--target", "endpoint", "--address", "127.0.0.1",
                "--http-port", ingress.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--https-port", ingress.HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--hosts", string.Join(',', IngressConfiguration.Hosts),
                "--ca-bundle", ingress.CaBundlePath,
                "--report-dir", report,
                .. scope.Arguments,
            ], work.FullName);
            File.Exists(Path.Combine(report, "summary.json")).Should().BeTrue($"every completed run writes summary.json; the command line said:\n{process.Transcript}");
            return new EndpointRun(process, RunReport.Read(report), scope);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Asserts that exactly <paramref name="failures"/> failed, every other control the run decided passed on every
    /// host, every control it did not decide was reported skipped, nothing was undecided, and the exit code and
    /// outcome follow: 1 and nonconformant when a core control failed, 0 and conformant otherwise.
    /// </summary>
    public void ShouldFailExactly(params ExpectedFailure[] failures)
    {
        Report.Results.Select(r => (r.Control, r.Host)).Should().OnlyHaveUniqueItems("summary.json holds one result per control per host");
        var failing = failures.Select(f => (f.Control, f.Host)).ToHashSet();
        var expected = ControlCatalogue.All
            .SelectMany(c => IngressConfiguration.Hosts.Select(host => (c.Id, host)))
            .ToDictionary(k => k, k => !Scope.Decides(k.Id) ? "skipped" : failing.Contains(k) ? "failed" : "passed");
        var reported = Report.Results.ToDictionary(r => (r.Control, r.Host));

        var mismatches = expected
            .Where(e => !reported.TryGetValue(e.Key, out var r) || r.Outcome != e.Value)
            .Select(e => reported.TryGetValue(e.Key, out var r)
                ? $"{e.Key.Id} on {e.Key.host}: expected {e.Value}, was {r.Outcome} (observed: {r.Observed})"
                : $"{e.Key.Id} on {e.Key.host}: expected {e.Value}, but summary.json has no such result")
            .Concat(reported.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"{k.Control} on {k.Host}: reported, but no such control and host exist"))
            .ToList();
        var intended = string.Join("; ", failures.Select(f => f.Collateral is null ? $"{f.Control} on {f.Host}" : $"{f.Control} on {f.Host} ({f.Collateral})"));
        mismatches.Should().BeEmpty($"exactly [{intended}] should fail; the command line said:\n{Process.Transcript}");

        var coreFailure = failures.Any(f => ControlCatalogue.Get(f.Control).Profile == Profile.Core);
        Process.ExitCode.Should().Be(coreFailure ? 1 : 0, Process.Transcript);
        Report.Outcome.Should().Be(coreFailure ? "nonconformant" : "conformant");
    }
}
