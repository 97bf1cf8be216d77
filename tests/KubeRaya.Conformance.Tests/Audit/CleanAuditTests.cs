using FluentAssertions;
using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Controls;
using Xunit;

namespace KubeRaya.Conformance.Tests.Audit;

public sealed class CleanAuditTests
{
    [Fact]
    public async Task The_clean_set_passes_every_audit_control()
    {
        using var fixture = AuditFixture.Copy("clean");

        var verdicts = await new AuditRunner(new AuditOptions { Now = fixture.Now })
            .AuditManifestsAsync([fixture.Directory], CancellationToken.None);

        verdicts.Should().OnlyContain(v => v.Outcome == Outcome.Passed, "the clean set breaks no rule: {0}",
            string.Join("; ", verdicts.Where(v => v.Outcome != Outcome.Passed).Select(v => $"{v.Control} {v.Outcome} {v.Observed}")));
        verdicts.Select(v => v.Control).Distinct().Should().BeEquivalentTo(ControlCatalogue.InMode(ControlModes.Audit).Select(c => c.Id));
    }

    [Fact]
    public async Task Verdicts_on_objects_from_files_carry_the_file_and_line()
    {
        using var fixture = AuditFixture.Copy("clean");

        var verdicts = await new AuditRunner(new AuditOptions { Now = fixture.Now })
            .AuditManifestsAsync([fixture.Directory], CancellationToken.None);

        var tls = verdicts.Single(v => v.Control == "KR-TLS-01");
        tls.Object.Should().Be("Ingress/shop/shop");
        fixture.Relative(tls.Location).Should().Be("app.yaml:2");
        tls.Host.Should().Be("shop.example.test");
        fixture.Relative(verdicts.Single(v => v.Control == "KR-CERT-03").Location).Should().Be("tls-secret.yaml:2");
        fixture.Relative(verdicts.Single(v => v.Control == "KR-PRIV-01").Location).Should().Be("app.yaml:25");
    }
}
