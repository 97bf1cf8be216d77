using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Reference.Api;
using Xunit;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// Bad input for a cluster target reaches the user as one line naming what is wrong and what to do: a usage error
/// (exit 2) for a kubeconfig that is missing, malformed, lacks the context or carries credentials the API refuses; a
/// run that could not complete (exit 3) when nothing answers at the API address. Checked through the preflight that
/// every cluster target runs before it creates anything, which the program maps to those exit codes.
/// </summary>
public sealed class ClusterInputTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kr-robust-kubeconfig-");

    [Fact]
    public async Task A_missing_kubeconfig_is_a_usage_error_naming_the_path()
    {
        var path = Path.Combine(_directory.FullName, "nowhere", "kubeconfig");

        var error = await Preflight(path, null);

        error.Should().BeOfType<UsageException>();
        OneLine(error).Should().Contain(path).And.Contain("does not exist");
    }

    [Theory]
    [InlineData("garbage", "::: {{ this is [ not yaml")]
    [InlineData("not a kubeconfig", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n")]
    [InlineData("empty", "")]
    [InlineData("no server", "apiVersion: v1\nkind: Config\ncurrent-context: c\ncontexts:\n- name: c\n  context: {cluster: k, user: u}\nclusters:\n- name: k\n  cluster: {}\nusers:\n- name: u\n  user: {token: t}\n")]
    public async Task A_malformed_kubeconfig_is_a_usage_error_naming_the_file(string what, string content)
    {
        var path = Path.Combine(_directory.FullName, what.Replace(' ', '-'));
        await File.WriteAllTextAsync(path, content);

        var error = await Preflight(path, null);

        error.Should().BeOfType<UsageException>(OneLine(error));
        OneLine(error).Should().Contain(path);
    }

    [Fact]
    public async Task An_unknown_context_is_a_usage_error_listing_the_contexts_there_are()
    {
        await using var api = await StartApiAsync();

        var error = await Preflight(api.Kubeconfig, "production-eu");

        error.Should().BeOfType<UsageException>();
        OneLine(error).Should().Contain("context 'production-eu' is not in kubeconfig").And.Contain(KubeconfigWriter.ContextName);
    }

    [Fact]
    public async Task A_token_the_API_server_refuses_is_a_usage_error_saying_the_credentials_were_refused()
    {
        await using var api = await StartApiAsync();
        var wrong = Path.Combine(_directory.FullName, "wrong-token");
        await File.WriteAllTextAsync(wrong, (await File.ReadAllTextAsync(api.Kubeconfig)).Replace(api.Endpoint.Token, "not-the-token", StringComparison.Ordinal));

        var error = await Preflight(wrong, null);

        error.Should().BeOfType<UsageException>(OneLine(error));
        OneLine(error).Should().Contain("refused the kubeconfig's credentials (401)").And.NotContain("not-the-token", "a credential never goes into a message");
    }

    [Fact]
    public async Task The_right_token_passes_the_preflight()
    {
        await using var api = await StartApiAsync();

        var version = await ClusterSession.PreflightAsync(api.Kubeconfig, null, CancellationToken.None);

        version.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_API_address_where_nothing_listens_is_a_run_that_could_not_complete()
    {
        await using var api = await StartApiAsync();
        var port = ClosedPort();
        var unreachable = Path.Combine(_directory.FullName, "unreachable");
        await File.WriteAllTextAsync(unreachable, (await File.ReadAllTextAsync(api.Kubeconfig))
            .Replace(api.Endpoint.Server.GetLeftPart(UriPartial.Authority), $"https://127.0.0.1:{port}", StringComparison.Ordinal));

        var error = await Preflight(unreachable, null);

        error.Should().BeOfType<IncompleteRunException>(OneLine(error));
        OneLine(error).Should().Contain($"127.0.0.1:{port}").And.Contain("check that the cluster is running");
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static async Task<Exception> Preflight(string kubeconfig, string? context)
    {
        var attempt = () => ClusterSession.PreflightAsync(kubeconfig, context, CancellationToken.None);
        return (await attempt.Should().ThrowAsync<Exception>()).Which;
    }

    private static string OneLine(Exception error)
    {
        error.Message.Should().NotContain("\n", "the program prints the message as one line");
        return error.Message;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<RunningApi> StartApiAsync()
    {
        var server = new ReferenceApiServer();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var endpoint = await server.StartAsync(bound.Token);
        return new RunningApi(server, endpoint, KubeconfigWriter.Write(endpoint, Path.Combine(_directory.FullName, "kubeconfig")));
    }

    private sealed record RunningApi(ReferenceApiServer Server, ApiServerEndpoint Endpoint, string Kubeconfig) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
