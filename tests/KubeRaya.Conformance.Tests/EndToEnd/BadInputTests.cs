using System.Globalization;
using FluentAssertions;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Xunit;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// Bad input through the command-line process: each ends with exactly one line on standard error that names what is
/// wrong and what to do, no stack trace, and the documented exit code (2 usage, 3 could not complete).
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("kr-e2e-input-");
    private readonly string _caBundle;
    private readonly int _closedHttpPort = FreePort.Next();
    private readonly int _closedHttpsPort = FreePort.Next();

    public BadInputTests()
    {
        _caBundle = Path.Combine(_work.FullName, "ca.pem");
        File.WriteAllText(_caBundle, EndToEndPki.Shared.CaBundlePem);
    }

    [Fact]
    public async Task An_unknown_target_is_a_usage_error_listing_the_targets()
    {
        var run = await RunAsync("run", "--target", "nonsense");

        ShouldSayOneLine(run, 2, "unknown target 'nonsense'", "use one of", "endpoint");
    }

    [Fact]
    public async Task A_missing_hosts_option_is_a_usage_error_saying_how_to_give_hosts()
    {
        var run = await RunAsync(EndpointArguments(hosts: null));

        ShouldSayOneLine(run, 2, "missing public host names", "a.example.com,b.example.com");
    }

    [Fact]
    public async Task A_CA_bundle_that_does_not_exist_is_a_usage_error_naming_the_file()
    {
        var missing = Path.Combine(_work.FullName, "no-such-ca.pem");

        var run = await RunAsync(EndpointArguments(caBundle: missing));

        ShouldSayOneLine(run, 2, missing, "cannot be read", "give a readable PEM file");
    }

    [Fact]
    public async Task A_CA_bundle_without_a_PEM_certificate_is_a_usage_error()
    {
        var notPem = Path.Combine(_work.FullName, "notes.txt");
        File.WriteAllText(notPem, "this is not a certificate\n");

        var run = await RunAsync(EndpointArguments(caBundle: notPem));

        ShouldSayOneLine(run, 2, notPem, "holds no PEM certificate", "give a PEM file of CA certificates");
    }

    [Theory]
    [InlineData("a b.example.test", "contains white space", "separate several hosts with commas")]
    [InlineData("*.example.test", "is a wildcard", "name concrete hosts")]
    public async Task A_malformed_host_name_is_a_usage_error_naming_the_entry(string host, string problem, string remedy)
    {
        var run = await RunAsync(EndpointArguments(hosts: $"ok.example.test,{host}"));

        ShouldSayOneLine(run, 2, $"'{host}'", problem, remedy);
    }

    [Fact]
    public async Task A_port_out_of_range_is_a_usage_error_naming_the_option()
    {
        var run = await RunAsync(EndpointArguments(httpPort: "70000"));

        ShouldSayOneLine(run, 2, "--http-port '70000' is not a TCP port", "from 1 to 65535");
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_naming_it()
    {
        var run = await RunAsync([.. EndpointArguments(), "--frobnicate", "yes"]);

        ShouldSayOneLine(run, 2, "unknown option --frobnicate", "README.md");
    }

    [Fact]
    public async Task An_unknown_tag_is_a_usage_error_found_before_the_target_is_contacted()
    {
        // Nothing listens on the ports: were the target contacted first, this would end with exit 3.
        var run = await RunAsync([.. EndpointArguments(), "--tags", "KR-NOPE-99"]);

        ShouldSayOneLine(run, 2, "unknown tag 'KR-NOPE-99'", "KR-CERT-01");
    }

    [Fact]
    public async Task An_address_where_nothing_listens_ends_the_run_as_incomplete()
    {
        var run = await RunAsync(EndpointArguments());

        ShouldSayOneLine(run, 3, "nothing accepts TCP connections at 127.0.0.1", $"{_closedHttpPort}", "check -Address, -HttpPort and -HttpsPort");
    }

    private Task<CliRun> RunAsync(params string[] arguments) => ConformanceCli.RunAsync(arguments, _work.FullName);

    /// <summary>run --target endpoint with every option valid (nothing listens on the ports) unless overridden; null leaves an option out.</summary>
    private string[] EndpointArguments(string? hosts = "a.example.test,b.example.test", string? caBundle = "", string? httpPort = "")
    {
        var arguments = new List<string> { "run", "--target", "endpoint", "--address", "127.0.0.1", "--report-dir", Path.Combine(_work.FullName, "report") };
        arguments.AddRange(["--http-port", httpPort is "" ? _closedHttpPort.ToString(CultureInfo.InvariantCulture) : httpPort!]);
        arguments.AddRange(["--https-port", _closedHttpsPort.ToString(CultureInfo.InvariantCulture)]);
        if (hosts is not null) arguments.AddRange(["--hosts", hosts]);
        arguments.AddRange(["--ca-bundle", caBundle is "" ? _caBundle : caBundle!]);
        return [.. arguments];
    }

    /// <summary>Exactly one line on standard error, naming the problem and the remedy; no stack trace anywhere; the exit code.</summary>
    internal static void ShouldSayOneLine(CliRun run, int exitCode, params string[] fragments)
    {
        run.ExitCode.Should().Be(exitCode, run.Transcript);
        run.ErrorLines.Should().ContainSingle(run.Transcript);
        var line = run.ErrorLines[0];
        line.Should().StartWith("kuberaya-conformance: ");
        foreach (var fragment in fragments) line.Should().Contain(fragment);
        (run.StandardOutput + run.StandardError).Should().NotContain("   at ", "no stack trace is shown");
    }

    public void Dispose() => _work.Delete(recursive: true);
}
