using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Reporting;
using Xunit;

namespace KubeRaya.Conformance.Tests.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private readonly SampleRun _run = new();

    [Fact]
    public void The_bundle_holds_the_summary_the_junit_file_the_page_the_evidence_and_a_manifest_of_them_all()
    {
        var bundle = _run.Write();

        var files = BundleManifest.EnumerateFiles(_run.Directory, excludeManifest: false);
        files.Should().Contain(["summary.json", "junit.xml", "index.html", "manifest.json", "results.jsonl",
            "evidence/KR-HTTP-01/shop.kuberaya.test-http-get.json", "evidence/KR-UX-01/shop.kuberaya.test-browser.png"]);
        bundle.Files.Select(f => f.Path).Should().Equal(files.Where(f => f != "manifest.json"));
        bundle.Digest.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Only_a_run_on_a_test_double_carries_the_test_double_banner()
    {
        using var cluster = new SampleRun(testDouble: false);
        cluster.Write();
        _run.Write();

        File.ReadAllText(Path.Combine(cluster.Directory, "index.html")).Should().NotContain("id=\"test-double\"");
        File.ReadAllText(Path.Combine(_run.Directory, "index.html")).Should().Contain("id=\"test-double\"");
    }

    [Fact]
    public void Summary_json_is_schema_1_with_outcomes_as_lower_case_words()
    {
        _run.Write();

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_run.Directory, "summary.json")));
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("target").GetString().Should().Be("reference");
        root.GetProperty("testDouble").GetBoolean().Should().BeTrue();
        root.GetProperty("outcome").GetString().Should().Be("nonconformant");
        root.GetProperty("environment").GetProperty("ingressController").GetString().Should().StartWith("nginx");
        root.GetProperty("startedAt").GetDateTimeOffset().Should().Be(_run.Summary.StartedAt);
        var results = root.GetProperty("results").EnumerateArray().ToList();
        results.Should().HaveCount(_run.Summary.Results.Count);
        results.Select(r => r.GetProperty("outcome").GetString()).Distinct().Should().BeEquivalentTo("passed", "failed", "skipped", "error");
        var failure = results.Single(r => r.GetProperty("control").GetString() == "KR-HTTP-01" && r.GetProperty("host").GetString() == SampleRun.Shop);
        failure.GetProperty("observed").GetString().Should().Be(SampleRun.RedirectObserved);
        failure.GetProperty("scenario").GetString().Should().Be("Plain HTTP is redirected permanently to HTTPS");
        failure.GetProperty("evidence").GetString().Should().Be("evidence/KR-HTTP-01/shop.kuberaya.test-http-get.json");
        failure.TryGetProperty("object", out _).Should().BeFalse("absent optional fields are left out");
    }

    [Fact]
    public void Junit_has_one_case_per_control_per_host_failures_with_expected_and_observed_skips_with_reasons_and_errors()
    {
        _run.Write();

        var xml = XDocument.Load(Path.Combine(_run.Directory, "junit.xml"));
        var cases = xml.Descendants("testcase").ToList();
        cases.Should().HaveCount(_run.Summary.Results.Count);
        var root = xml.Root!;
        ((int)root.Attribute("tests")!).Should().Be(_run.Summary.Results.Count);
        ((int)root.Attribute("failures")!).Should().Be(3);
        ((int)root.Attribute("skipped")!).Should().Be(_run.Summary.Results.Count(r => r.Outcome == Outcome.Skipped));
        ((int)root.Attribute("errors")!).Should().Be(_run.Summary.Results.Count(r => r.Outcome == Outcome.Error));

        var redirect = cases.Single(c => (string?)c.Attribute("classname") == "HTTP.KR-HTTP-01" && (string?)c.Attribute("name") == SampleRun.Shop);
        var failure = redirect.Element("failure")!;
        ((string?)failure.Attribute("message")).Should().Contain("expected: GET http://shop.kuberaya.test/ answers 301 or 308").And.Contain(SampleRun.RedirectObserved);
        failure.Value.Should().Contain("Evidence: evidence/KR-HTTP-01/shop.kuberaya.test-http-get.json");

        var skipped = cases.Single(c => (string?)c.Attribute("classname") == "EXT.KR-EXT-03" && (string?)c.Attribute("name") == SampleRun.Shop);
        ((string?)skipped.Element("skipped")!.Attribute("message")).Should().Be("the ingress controller offers no basic authentication");
        cases.Where(c => c.Element("error") is not null).Should().NotBeEmpty()
            .And.OnlyContain(c => ((string?)c.Element("error")!.Attribute("message"))!.StartsWith("undecided: ", StringComparison.Ordinal));
        xml.Descendants("testsuite").Select(s => (string?)s.Attribute("name")).Should().BeEquivalentTo("TLS", "CERT", "HTTP", "HOST", "PRIV", "UX", "EXT");
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_escaped_rather_than_breaking_the_junit_file()
    {
        var summary = _run.Summary with
        {
            Results = [ResultRecord.From(Verdict.Fail("KR-HTTP-02", SampleRun.Shop, "HSTS max-age ≥ 15552000", "header was \u0001\u001b[31mmax-age=0"), "HSTS")],
        };

        ReportWriter.Write(summary, _run.Directory);

        var message = (string?)XDocument.Load(Path.Combine(_run.Directory, "junit.xml")).Descendants("failure").Single().Attribute("message");
        message.Should().Contain("header was \\u0001\\u001b[31mmax-age=0");
    }

    [Fact]
    public void A_bundle_with_a_private_key_in_its_evidence_is_refused_and_nothing_is_written()
    {
        var leak = Path.Combine(_run.Directory, "evidence", "leak.json");
        File.WriteAllText(leak, JsonSerializer.Serialize(new { tlsKey = _run.Leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() }));

        var write = () => _run.Write();

        write.Should().Throw<KeyMaterialFoundException>()
            .Which.Findings.Should().Contain(f => f.File == "evidence/leak.json" && f.Kind.Contains("PEM private key header"))
            .And.Contain(f => f.File == "evidence/leak.json" && f.Kind == "private key bytes (base64)");
        File.Exists(Path.Combine(_run.Directory, "index.html")).Should().BeFalse();
        File.Exists(Path.Combine(_run.Directory, "manifest.json")).Should().BeFalse();
    }

    [Fact]
    public void A_key_that_reached_a_result_text_is_refused_too()
    {
        var key = Convert.ToBase64String(_run.Leaf.GetECDsaPrivateKey()!.ExportECPrivateKey());
        var summary = _run.Summary with
        {
            Results = [.. _run.Summary.Results, ResultRecord.From(Verdict.Fail("KR-CERT-08", SampleRun.Shop, "no key in a ConfigMap", $"ConfigMap app/settings holds key {key}"), "")],
        };

        var write = () => ReportWriter.Write(summary, _run.Directory, _run.Options);

        write.Should().Throw<KeyMaterialFoundException>().Which.Findings.Select(f => f.File).Should().Contain(["summary.json", "junit.xml", "index.html"]);
    }

    [Fact]
    public void No_private_key_material_is_anywhere_in_the_bundle_of_a_run_that_handled_keys()
    {
        _run.Write();

        using var key = _run.Leaf.GetECDsaPrivateKey()!;
        var scanner = KeyMaterialScanner.ForKeys([key]);
        scanner.ScanDirectory(_run.Directory).Should().BeEmpty();
        foreach (var file in Directory.EnumerateFiles(_run.Directory, "*", SearchOption.AllDirectories))
            File.ReadAllText(file).Should().NotContain("PRIVATE KEY");

        // The scan is able to see the key: the same check on a copy with the key added finds it.
        File.WriteAllBytes(Path.Combine(_run.Directory, "evidence", "copy.bin"), key.ExportPkcs8PrivateKey());
        scanner.ScanDirectory(_run.Directory).Should().ContainSingle().Which.Should().Be(new KeyMaterialFinding("evidence/copy.bin", "private key bytes (raw DER)"));
    }

    public void Dispose() => _run.Dispose();
}
