using System.Net;
using System.Net.Sockets;
using System.Diagnostics;
using FluentAssertions;
using KubeRaya.Conformance.Evidence;
using Xunit;

namespace KubeRaya.Conformance.Tests.Core;

public class EchoContractTests
{
    [Fact]
    public async Task The_echo_backend_answers_in_the_shape_the_judges_read()
    {
        var port = FreePort();
        var echo = Path.Combine(AppContext.BaseDirectory, "kuberaya-echo.dll");
        var start = new ProcessStartInfo("dotnet", [echo, "--urls", $"http://127.0.0.1:{port}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["POD_NAME"] = "echo-test";
        using var process = Process.Start(start)!;
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            string? body = null;
            var poll = await Polling.BoundedPoll.UntilAsync(
                async ct => body = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/x/y?z=1"), ct),
                b => b is not null, new Polling.NamedTimeout("echo-start", TimeSpan.FromSeconds(30)), CancellationToken.None, interval: TimeSpan.FromMilliseconds(100));

            poll.Satisfied.Should().BeTrue("the echo backend should start and answer");
            var evidence = EchoEvidence.TryParse(body);
            evidence.Should().NotBeNull("the body must carry the marker and the fields the judges read: {0}", body);
            evidence!.Scheme.Should().Be("http");
            evidence.Tls.Should().BeFalse();
            evidence.Pod.Should().Be("echo-test");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
