using System.Text;
using System.Text.Json;
using FluentAssertions;
using KubeRaya.Conformance.Calibration;
using Xunit;

namespace KubeRaya.Conformance.Tests.Calibration;

/// <summary>calibration.json has exactly the agreed shape, and calibration.html shows every run as text.</summary>
public sealed class CalibrationReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kr-calibration-report-").FullName;

    private static readonly CalibrationReport Report = new()
    {
        Faults =
        [
            new(CalibrationClassifier.Baseline, [], [], CalibrationVerdict.Caught),
            new("hsts-off", ["KR-HTTP-02"], ["KR-HTTP-02"], CalibrationVerdict.Caught),
            new("app-wildcard-host", ["KR-HOST-04"], ["KR-HOST-01", "KR-HOST-04"], CalibrationVerdict.Overreached),
        ],
    };

    [Fact]
    public void Calibration_json_holds_exactly_the_schema_version_and_one_entry_per_fault()
    {
        var path = Report.Write(_folder);

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("schemaVersion", "faults");
        json.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        var third = json.RootElement.GetProperty("faults")[2];
        third.EnumerateObject().Select(p => p.Name).Should().Equal("fault", "expected", "failed", "verdict");
        third.GetProperty("verdict").GetString().Should().Be("overreached");
        third.GetProperty("failed").EnumerateArray().Select(e => e.GetString()).Should().Equal("KR-HOST-01", "KR-HOST-04");
        CalibrationReport.Read(path).Faults.Should().BeEquivalentTo(Report.Faults);
    }

    [Fact]
    public void All_caught_only_when_every_run_was_caught()
    {
        Report.AllCaught.Should().BeFalse();
        (Report with { Faults = Report.Faults.Take(2).ToList() }).AllCaught.Should().BeTrue();
        new CalibrationReport { Faults = [] }.AllCaught.Should().BeFalse("no run proves nothing");
    }

    [Fact]
    public void The_page_shows_every_run_with_its_verdict_and_report_link_and_encodes_what_it_shows()
    {
        var faults = new List<CalibrationFault>
        {
            new()
            {
                Name = "app-wildcard-host", Kind = CalibrationFaultKind.Object, Guidance = ["Using Wildcard or Overly Broad Rules"],
                Mistake = "A <script>wildcard</script> rule", Switches = ["app-wildcard-host"], Expected = ["KR-HOST-04"],
            },
        };
        var view = CalibrationPage.View(Report, faults, new Dictionary<string, string> { ["hsts-off"] = "hsts-off/index.html" }, TimeSpan.FromSeconds(241), DateTimeOffset.UnixEpoch);

        var html = Encoding.UTF8.GetString(CalibrationPage.Render(view));

        view.Outcome.Should().Be("1 of 3 runs not as expected");
        html.Should().Contain("after 241 s").And.Contain("href=\"hsts-off/index.html\"").And.Contain("overreached")
            .And.Contain("&#x201C;Using Wildcard or Overly Broad Rules&#x201D;").And.Contain("KR-HOST-01, KR-HOST-04");
        html.Should().NotContain("<script>").And.Contain("&lt;script&gt;");
        html.Should().NotContain("src=\"http", "the page loads nothing");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
