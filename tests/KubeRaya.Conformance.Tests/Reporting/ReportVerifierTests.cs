using FluentAssertions;
using KubeRaya.Conformance.Reporting;
using Xunit;

namespace KubeRaya.Conformance.Tests.Reporting;

public sealed class ReportVerifierTests : IDisposable
{
    private readonly SampleRun _run = new();

    public ReportVerifierTests() => _run.Write();

    [Fact]
    public void A_fresh_bundle_is_intact()
    {
        var result = ReportVerifier.Verify(_run.Directory);

        result.Intact.Should().BeTrue(result.Describe());
        result.ExitCode.Should().Be(0);
        result.Describe().Should().StartWith("intact");
    }

    [Theory]
    [InlineData("summary.json")]
    [InlineData("junit.xml")]
    [InlineData("index.html")]
    [InlineData("results.jsonl")]
    [InlineData("evidence/KR-HTTP-01/shop.kuberaya.test-http-get.json")]
    [InlineData("evidence/KR-UX-01/shop.kuberaya.test-browser.png")]
    public void Changing_any_one_byte_of_a_file_is_detected(string file)
    {
        var path = Path.Combine(_run.Directory, file);
        var length = new FileInfo(path).Length;
        foreach (var position in new[] { 0, length / 2, length - 1 })
        {
            FlipByte(path, position);
            var altered = ReportVerifier.Verify(_run.Directory);
            altered.Intact.Should().BeFalse($"byte {position} of {file} was changed");
            altered.ExitCode.Should().Be(1);
            altered.Changed.Should().Equal(file);
            altered.Describe().Should().Contain($"changed: {file}");

            FlipByte(path, position);
            ReportVerifier.Verify(_run.Directory).Intact.Should().BeTrue();
        }
    }

    [Fact]
    public void Changing_any_one_byte_of_the_manifest_is_detected()
    {
        var path = Path.Combine(_run.Directory, BundleManifest.FileName);
        var length = new FileInfo(path).Length;
        for (long position = 0; position < length; position++)
        {
            FlipByte(path, position);
            var altered = ReportVerifier.Verify(_run.Directory);
            altered.Intact.Should().BeFalse($"byte {position} of manifest.json was changed");
            FlipByte(path, position);
        }
        ReportVerifier.Verify(_run.Directory).Intact.Should().BeTrue();
    }

    [Fact]
    public void An_added_file_is_detected()
    {
        File.WriteAllText(Path.Combine(_run.Directory, "evidence", "KR-HTTP-01", "extra.json"), "{}");

        var result = ReportVerifier.Verify(_run.Directory);

        result.Intact.Should().BeFalse();
        result.Unexpected.Should().Equal("evidence/KR-HTTP-01/extra.json");
        result.Changed.Should().BeEmpty();
    }

    [Fact]
    public void A_removed_file_is_detected()
    {
        File.Delete(Path.Combine(_run.Directory, "evidence", "KR-UX-01", "shop.kuberaya.test-browser.png"));

        var result = ReportVerifier.Verify(_run.Directory);

        result.Intact.Should().BeFalse();
        result.Missing.Should().Equal("evidence/KR-UX-01/shop.kuberaya.test-browser.png");
    }

    [Fact]
    public void A_bundle_without_its_manifest_cannot_be_intact()
    {
        File.Delete(Path.Combine(_run.Directory, BundleManifest.FileName));

        var result = ReportVerifier.Verify(_run.Directory);

        result.Intact.Should().BeFalse();
        result.Missing.Should().Equal(BundleManifest.FileName);
        result.Problems.Should().ContainSingle().Which.Should().Contain("manifest.json is missing");
    }

    [Fact]
    public void A_manifest_rewritten_to_hide_a_change_still_disagrees_with_the_digest_recorded_at_the_run()
    {
        var recorded = ReportVerifier.Verify(_run.Directory).Digest;
        File.AppendAllText(Path.Combine(_run.Directory, "summary.json"), " ");
        BundleManifest.Create(_run.Directory).Save(_run.Directory);

        var result = ReportVerifier.Verify(_run.Directory);

        result.Intact.Should().BeTrue("the bundle is consistent with its new manifest");
        result.Digest.Should().NotBe(recorded, "only a digest kept elsewhere reveals a rewritten manifest");
    }

    private static void FlipByte(string path, long position)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = position;
        var value = stream.ReadByte();
        stream.Position = position;
        stream.WriteByte((byte)(value ^ 0x01));
    }

    public void Dispose() => _run.Dispose();
}
