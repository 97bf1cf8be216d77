using FluentAssertions;
using KubeRaya.Conformance.Cli;
using Xunit;

namespace KubeRaya.Conformance.Tests.CommandLine;

public class ArgumentsTests
{
    [Fact]
    public void Options_and_flags_are_read_by_name()
    {
        var args = Arguments.Parse(["run", "--target", "endpoint", "--keep-on-failure", "--https-port", "28443"]);

        args.Command.Should().Be("run");
        args.Text("target").Should().Be("endpoint");
        args.Flag("keep-on-failure").Should().BeTrue();
        args.Port("https-port", 443).Should().Be(28443);
        args.Port("http-port", 80).Should().Be(80);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("80a")]
    public void A_port_out_of_range_is_a_usage_error_naming_the_option(string port)
    {
        var args = Arguments.Parse(["run", "--http-port", port]);

        args.Invoking(a => a.Port("http-port", 80)).Should().Throw<UsageException>().WithMessage("*--http-port*1 to 65535*");
    }

    [Fact]
    public void An_option_nobody_reads_is_reported_as_unknown()
    {
        var args = Arguments.Parse(["run", "--target", "endpoint", "--colour", "red"]);
        args.Text("target");

        args.Invoking(a => a.RejectUnknown()).Should().Throw<UsageException>().WithMessage("unknown option --colour*");
    }

    [Fact]
    public void An_option_given_twice_is_refused() =>
        FluentActions.Invoking(() => Arguments.Parse(["run", "--hosts", "a.example.test", "--hosts", "b.example.test"]))
            .Should().Throw<UsageException>().WithMessage("*given twice*");

    [Fact]
    public void Unknown_tags_are_refused_and_known_ones_narrow_the_filter()
    {
        FluentActions.Invoking(() => TagFilter.For(Controls.ControlModes.Endpoint, ["KR-NOPE-01"])).Should().Throw<UsageException>().WithMessage("unknown tag*");

        TagFilter.For(Controls.ControlModes.Endpoint, ["@KR-CERT-01"]).Should().Be("(Category=endpoint)&(Category=KR-CERT-01)");
    }
}
