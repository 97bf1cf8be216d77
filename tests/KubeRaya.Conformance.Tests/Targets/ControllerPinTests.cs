using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Targets;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>The controller pins in fixtures/controllers/ and the digest check of their downloads.</summary>
public sealed class ControllerPinTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("kr-pins-");

    [Fact]
    public void At_least_two_controllers_are_pinned_and_the_default_is_ingress_nginx()
    {
        var pins = ControllerPins.Load(RepositoryFiles.Pins);

        pins.Keys.Should().BeEquivalentTo("ingress-nginx", "traefik");
        ControllerPins.Get(RepositoryFiles.Pins, null).Name.Should().Be(ControllerPins.Default).And.Be("ingress-nginx");
    }

    [Fact]
    public void Each_pin_names_an_exact_release_of_its_upstream_project_and_how_to_tell_it_is_ready()
    {
        var pins = ControllerPins.Load(RepositoryFiles.Pins);

        var nginx = pins["ingress-nginx"];
        nginx.Url.Should().Be("https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.15.1/deploy/static/provider/kind/deploy.yaml");
        nginx.Url.Should().Contain(nginx.Version, "the manifest URL is the release's tag, not a branch");
        nginx.Status.Should().Contain("retired upstream");
        nginx.Image.Should().EndWith("@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1", "the image digest published in the release's changelog");
        nginx.AdmissionWebhook.Should().BeTrue();
        var traefik = pins["traefik"];
        traefik.Install.Should().Be("helm-chart");
        traefik.Url.Should().Be($"https://traefik.github.io/charts/traefik/traefik-{traefik.ChartVersion}.tgz");
        traefik.Values.Should().NotBeNull();
        foreach (var pin in pins.Values)
        {
            pin.Sha256.Should().MatchRegex("^([0-9a-f]{64}|unverified)$");
            pin.ControllerPods.Should().Contain("=");
        }
    }

    [Fact]
    public void An_unverified_pin_is_refused_with_one_line_saying_how_to_verify_it()
    {
        var pin = ControllerPins.Get(RepositoryFiles.Pins, "ingress-nginx") with { Sha256 = ControllerPin.Unverified };

        var refusal = FluentActions.Invoking(() => ControllerPins.RequireVerified(pin, RepositoryFiles.Pins)).Should().Throw<ClusterConnectionException>().Which;

        refusal.IsConfigurationError.Should().BeTrue("an unverified pin is a configuration error (exit 2)");
        refusal.Message.Should().NotContain("\n").And.StartWith("controller pin ingress-nginx v1.15.1 has no verified SHA-256").And.Contain(pin.Url).And.Contain("record its sha256sum");
    }

    [Fact]
    public void A_malformed_pin_or_an_unknown_controller_is_refused()
    {
        File.WriteAllText(Path.Combine(_work.FullName, "bad.yaml"), "name: bad\nversion: v1\ninstall: manifest\nurl: http://example.test/x.yaml\nsha256: abc\nnamespace: n\ningressClass: c\ncontrollerPods: a=b\n");

        FluentActions.Invoking(() => ControllerPins.Load(_work.FullName)).Should().Throw<ClusterConnectionException>().WithMessage("*bad.yaml has url 'http://example.test/x.yaml' that is not an https URL: fix the file");
        FluentActions.Invoking(() => ControllerPins.Get(RepositoryFiles.Pins, "haproxy")).Should().Throw<ClusterConnectionException>().WithMessage("unknown controller 'haproxy': use one of ingress-nginx, traefik");
    }

    [Fact]
    public async Task A_download_is_kept_only_when_its_digest_is_the_recorded_one()
    {
        var manifest = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Namespace\nmetadata: {name: ingress-nginx}\n");
        var requests = 0;
        await using var server = await LoopbackHttpServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            return context.Response.Body.WriteAsync(manifest).AsTask();
        });
        var pin = ControllerPins.Get(RepositoryFiles.Pins, "ingress-nginx") with { Url = $"{server.Address}/deploy.yaml" };
        var timeout = new NamedTimeout("tool", TimeSpan.FromSeconds(10));
        var good = Path.Combine(_work.FullName, "good.yaml");
        var bad = Path.Combine(_work.FullName, "bad.yaml");

        await ManifestDownload.SaveVerifiedAsync(pin with { Sha256 = Convert.ToHexString(SHA256.HashData(manifest)).ToLowerInvariant() }, RepositoryFiles.Pins, good, timeout, CancellationToken.None);
        var mismatch = await FluentActions.Awaiting(() => ManifestDownload.SaveVerifiedAsync(pin with { Sha256 = new string('0', 64) }, RepositoryFiles.Pins, bad, timeout, CancellationToken.None))
            .Should().ThrowAsync<ClusterConnectionException>();
        var unverified = await FluentActions.Awaiting(() => ManifestDownload.SaveVerifiedAsync(pin with { Sha256 = ControllerPin.Unverified }, RepositoryFiles.Pins, bad, timeout, CancellationToken.None))
            .Should().ThrowAsync<ClusterConnectionException>();

        File.ReadAllBytes(good).Should().Equal(manifest);
        mismatch.Which.Message.Should().Contain($"has SHA-256 {Convert.ToHexString(SHA256.HashData(manifest)).ToLowerInvariant()}, but the pin records {new string('0', 64)}");
        unverified.Which.IsConfigurationError.Should().BeTrue();
        File.Exists(bad).Should().BeFalse("nothing is written unless the digest matches");
        requests.Should().Be(2, "an unverified pin is refused before anything is downloaded");
    }

    public void Dispose() => _work.Delete(recursive: true);
}
