using FluentAssertions;
using KubeRaya.Conformance.Calibration;
using Xunit;

namespace KubeRaya.Conformance.Tests.Calibration;

/// <summary>The loader is strict: a fixture that says something impossible is an error naming its file.</summary>
public sealed class CalibrationFixtureLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kr-calibration-").FullName;

    private const string Valid = """
        name: sample
        kind: platform
        guidance:
          - "Prefer HTTPS-only endpoints"
        mistake: "HTTPS responses carry no HSTS header at all."
        switches:
          - hsts-off
        expected:
          - KR-HTTP-02
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_valid_fixture_becomes_a_typed_fault()
    {
        var fault = CalibrationFixtures.LoadFile(Write("sample", Valid));

        fault.Should().BeEquivalentTo(new CalibrationFault
        {
            Name = "sample",
            Kind = CalibrationFaultKind.Platform,
            Guidance = ["Prefer HTTPS-only endpoints"],
            Mistake = "HTTPS responses carry no HSTS header at all.",
            Switches = ["hsts-off"],
            Expected = ["KR-HTTP-02"],
        });
    }

    [Theory]
    [InlineData("name: sample", "name: other", "differs from the file name")]
    [InlineData("kind: platform", "kind: cluster", "kind 'cluster'")]
    [InlineData("  - KR-HTTP-02", "  - KR-HTTP-99", "'KR-HTTP-99' is not a core control")]
    [InlineData("  - KR-HTTP-02", "  - KR-EXT-01", "'KR-EXT-01' is not a core control")]
    [InlineData("  - hsts-off", "  - app-no-such-thing", "'app-no-such-thing' is no harness fault")]
    [InlineData("expected:\n  - KR-HTTP-02", "expected: []", "'expected' must list")]
    [InlineData("kind: platform", "kind: platform\ncolour: red", "colour")]
    public void A_fixture_that_says_something_impossible_is_an_error_naming_the_file(string replace, string with, string message)
    {
        var path = Write("sample", Valid.Replace(replace, with, StringComparison.Ordinal));

        FluentActions.Invoking(() => CalibrationFixtures.LoadFile(path))
            .Should().Throw<CalibrationFixtureException>().WithMessage($"sample.yaml*{message}*");
    }

    [Fact]
    public void A_folder_without_fixtures_is_an_error()
    {
        FluentActions.Invoking(() => CalibrationFixtures.Load(_folder)).Should().Throw<CalibrationFixtureException>().WithMessage("*holds no calibration fixture*");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
