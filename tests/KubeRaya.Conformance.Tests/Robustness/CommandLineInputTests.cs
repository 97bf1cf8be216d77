using FluentAssertions;
using Xunit;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// The program itself, as a child process, given input it cannot use for a cluster target: exit 2, exactly one line on
/// stderr saying what is wrong, no stack trace, and nothing started.
/// </summary>
public sealed class CommandLineInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("an unknown target", new[] { "run", "--target", "mainframe" }, "unknown target 'mainframe'")]
    [InlineData("an unknown fault", new[] { "run", "--target", "reference", "--fault", "no-such-fault" }, "unknown fault 'no-such-fault'")]
    [InlineData("a cluster target with a missing kubeconfig", new[] { "run", "--target", "existing", "--kubeconfig", "/nonexistent/kubeconfig" }, "kuberaya-conformance: ")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_2(string what, string[] arguments, string line)
    {
        using var cli = await CliProcess.RunAsync(arguments, Bound);

        var said = $"{what}: stdout:\n{cli.Output}\nstderr:\n{cli.Error}";
        cli.ExitCode.Should().Be(2, said);
        var lines = cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(said).Which.Should().StartWith("kuberaya-conformance: ").And.Contain(line);
        cli.Error.Should().NotContain("   at ", "no stack trace");
    }
}
