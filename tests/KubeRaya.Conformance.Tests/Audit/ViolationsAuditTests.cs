using FluentAssertions;
using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Controls;
using Xunit;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>The violations fixture: one violation per audit rule, each marked by a <c># expect:</c> comment.</summary>
public sealed class ViolationsAuditTests : IClassFixture<ViolationsAuditTests.Audited>
{
    private readonly Audited audited;

    public ViolationsAuditTests(Audited audited) => this.audited = audited;

    /// <summary>The fixture, audited once for all the tests of this class.</summary>
    public sealed class Audited : IDisposable
    {
        public Audited()
        {
            Fixture = AuditFixture.Copy("violations");
            Verdicts = new AuditRunner(new AuditOptions { Now = Fixture.Now })
                .AuditManifestsAsync([Fixture.Directory], CancellationToken.None).GetAwaiter().GetResult();
        }

        public AuditFixture Fixture { get; }
        public IReadOnlyList<Verdict> Verdicts { get; }

        public void Dispose() => Fixture.Dispose();
    }

    [Fact]
    public void Every_violation_is_found_exactly_once_at_its_location()
    {
        var failures = audited.Verdicts.Where(v => v.Outcome == Outcome.Failed)
            .Select(v => $"{v.Control} at {audited.Fixture.Relative(v.Location)}").ToList();
        var expected = audited.Fixture.Expectations.Where(e => e.Control != "malformed")
            .Select(e => $"{e.Control} at {e.Location}").ToList();

        expected.Should().HaveCountGreaterThan(15, "the fixture holds one violation per audit rule");
        failures.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Every_audit_control_fails_somewhere_in_the_fixture()
    {
        var failed = audited.Verdicts.Where(v => v.Outcome == Outcome.Failed).Select(v => v.Control).ToHashSet();

        failed.Should().BeEquivalentTo(ControlCatalogue.InMode(ControlModes.Audit).Select(c => c.Id));
    }

    [Fact]
    public void A_malformed_document_is_reported_at_its_line_and_the_rest_is_still_audited()
    {
        var malformed = audited.Fixture.Expectations.Single(e => e.Control == "malformed").Location;

        var errors = audited.Verdicts.Where(v => v.Outcome == Outcome.Error).ToList();
        errors.Select(v => audited.Fixture.Relative(v.Location)).Should().AllBe(malformed);
        errors.Select(v => v.Control).Should().BeEquivalentTo(ControlCatalogue.InMode(ControlModes.Audit).Select(c => c.Id),
            "what a malformed document declares is unknown, so no audit control can be claimed for it");
        errors[0].Observed.Should().Contain("malformed document").And.Contain("Fix:");
        audited.Verdicts.Should().Contain(v => v.Object == "ConfigMap/tenant-a/after-malformed" && v.Outcome == Outcome.Failed);
    }

    [Fact]
    public void A_Secret_missing_from_the_manifests_is_skipped_rather_than_failed()
    {
        var verdicts = audited.Verdicts.Where(v => v.Object == "Ingress/tenant-a/missing-secret" && v.Control.StartsWith("KR-CERT", StringComparison.Ordinal)).ToList();

        verdicts.Should().NotBeEmpty();
        verdicts.Should().OnlyContain(v => v.Outcome == Outcome.Skipped && v.Observed.Contains("not in the audited set"));
    }

    [Fact]
    public void Every_failure_names_its_object_and_the_fix()
    {
        var failures = audited.Verdicts.Where(v => v.Outcome == Outcome.Failed).ToList();

        failures.Should().OnlyContain(v => v.Object != null && v.Observed.Contains("Fix: "));
        failures.Should().OnlyContain(v => v.Object!.Split('/').Length == 3);
    }

    [Fact]
    public void No_verdict_repeats_a_private_key()
    {
        var text = string.Join("\n", audited.Verdicts.Select(v => $"{v.Expected} {v.Observed}"));

        text.Should().NotContain("-----BEGIN");
        foreach (var key in audited.Fixture.PrivateKeys)
        {
            var body = key.Split('\n')[1];
            text.Should().NotContain(body);
        }
    }

    [Fact]
    public void The_platforms_own_pods_are_not_judged_as_applications()
    {
        audited.Verdicts.Should().NotContain(v => v.Object == "DaemonSet/kube-system/kube-proxy");
    }

    [Fact]
    public void Two_claims_on_one_host_and_path_name_every_claimant()
    {
        var claim = audited.Verdicts.Single(v => v.Control == "KR-HOST-05" && v.Outcome == Outcome.Failed);

        claim.Host.Should().Be("shared.example.test");
        claim.Observed.Should().Contain("Ingress/tenant-a/shared").And.Contain("Ingress/tenant-b/shared").And.Contain("hosts.yaml:");
    }
}
