using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Xunit;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// An endpoint that accepts TCP connections and never says a word, on both ports. Nothing can be judged there: it
/// cannot be told from a wrong address behind a firewall, and judging every control on timeouts would take minutes and
/// report a non-conformance of something that may not be the ingress. So the run ends as incomplete (exit 3), like an
/// address where nothing listens, after the handshake and request timeouts rather than the sum of every probe's.
/// </summary>
public sealed class SilentEndpointTests
{
    [Fact]
    public async Task An_endpoint_that_accepts_connections_and_never_answers_ends_the_run_as_incomplete_within_a_minute()
    {
        await using var http = RawTcpServer.Silent();
        await using var https = RawTcpServer.Silent();
        var work = Directory.CreateTempSubdirectory("kr-e2e-silent-");
        try
        {
            var caBundle = Path.Combine(work.FullName, "ca.pem");
            await File.WriteAllTextAsync(caBundle, EndToEndPki.Shared.CaBundlePem);
            var clock = Stopwatch.StartNew();

            var run = await ConformanceCli.RunAsync(
            [
                "run", "--target", "endpoint", "--address", "127.0.0.1",
                "--http-port", http.Port.ToString(CultureInfo.InvariantCulture), "--https-port", https.Port.ToString(CultureInfo.InvariantCulture),
                "--hosts", "a.example.test,b.example.test", "--ca-bundle", caBundle, "--report-dir", Path.Combine(work.FullName, "report"),
            ], work.FullName);

            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), run.Transcript);
            BadInputTests.ShouldSayOneLine(run, 3,
                $"accepts TCP connections on port {http.Port} and {https.Port} but answered neither a TLS ClientHello",
                "check that -Address and the ports lead to the ingress");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
