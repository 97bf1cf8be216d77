using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace KubeRaya.Conformance.Tests.Support;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NginxServerTests
{
    [Fact]
    public async Task Disposing_stops_nginx_and_removes_its_directory_with_the_private_files()
    {
        var nginx = await NginxServer.StartAsync(
            $$"""server { listen 127.0.0.1:{{NginxServer.PortToken}}; return 200 "ok\n"; }""",
            new Dictionary<string, string> { ["secret.key"] = "not really a key" },
            CancellationToken.None);
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(nginx.Directory, "nginx.pid")), System.Globalization.CultureInfo.InvariantCulture);
        File.GetUnixFileMode(Path.Combine(nginx.Directory, "secret.key")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        await nginx.DisposeAsync();
        await nginx.DisposeAsync();

        Directory.Exists(nginx.Directory).Should().BeFalse();
        Process.GetProcesses().Should().NotContain(p => p.Id == pid, "the nginx process is gone");
        var connect = async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, nginx.Port);
        };
        await connect.Should().ThrowAsync<SocketException>();
    }

    [Fact]
    public async Task A_configuration_nginx_rejects_fails_with_its_error_log_and_leaves_nothing_running()
    {
        var start = () => NginxServer.StartAsync("server { this_is_not_a_directive; }", CancellationToken.None);

        var failure = (await start.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*unknown directive*this_is_not_a_directive*").Which;
        var directory = Regex.Match(failure.Message, "its directory (\\S+) was removed").Groups[1].Value;
        directory.Should().Contain("kr-nginx-");
        Directory.Exists(directory).Should().BeFalse();
    }
}
