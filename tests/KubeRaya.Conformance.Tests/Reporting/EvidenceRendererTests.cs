using FluentAssertions;
using KubeRaya.Conformance.Reporting;
using Xunit;

namespace KubeRaya.Conformance.Tests.Reporting;

public sealed class EvidenceRendererTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kr-evidence-").FullName;

    [Fact]
    public void An_evidence_path_leading_outside_the_bundle_is_not_read()
    {
        var bundle = Path.Combine(_root, "report");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(_root, "secret.json"), "{\"secret\":\"outside\"}");

        var view = EvidenceRenderer.Render(bundle, "../secret.json");

        view.Problem.Should().Contain("outside the report bundle");
        view.Facts.Should().BeEmpty();
    }

    [Fact]
    public void Headers_are_listed_one_per_row_and_long_bodies_are_cut()
    {
        File.WriteAllText(Path.Combine(_root, "x.json"), $$"""{"status":404,"headers":{"content-type":["text/plain"],"set-cookie":["a=1","b=2"]},"body":"{{new string('x', 5000)}}"}""");

        var view = EvidenceRenderer.Render(_root, "x.json");

        view.Facts.Should().Contain(new EvidenceFact(0, "Status", "404", false, false));
        view.Facts.Should().Contain(new EvidenceFact(1, "set-cookie", "a=1; b=2", false, false));
        view.Facts.Single(f => f.Label == "Body").Value.Should().HaveLength(EvidenceRenderer.MaxValueChars + " (3000 more characters in the evidence file)".Length + 1);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
