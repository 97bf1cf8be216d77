using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Xunit;
using Xunit.Abstractions;

namespace KubeRaya.Conformance.Tests.Probes;

[Collection(HostScopeProbeTests.Alone)]
public sealed class HostScopeProbeTests(ITestOutputHelper output)
{
    /// <summary>The timing test runs alone, not against the other probe tests for the same two cores.</summary>
    public const string Alone = "Probes timed alone";

    private static readonly TestCertificates Pki = TestCertificates.Shared;
    private const string Host = TestCertificates.AppHost;
    private const string AppContent = "application content";

    /// <summary>An ingress in miniature: the routed host gets the application, every other Host the default 404.
    /// Every request is recorded with the SNI of its connection ("-" over plain HTTP, "" for none).</summary>
    private sealed class MiniIngress : IAsyncDisposable
    {
        public required ConcurrentBag<(string Sni, string Host)> Seen { get; init; }
        public required KestrelServer Http { get; init; }
        public required KestrelServer Https { get; init; }
        public ProbeEndpoint Endpoint => new("127.0.0.1", Http.Port, Https.Port);

        public static async Task<MiniIngress> StartAsync(TestCertificates pki, IReadOnlyCollection<string> routed)
        {
            var seen = new ConcurrentBag<(string, string)>();
            Task App(HttpContext context)
            {
                var sni = context.Request.IsHttps ? context.Features.Get<ITlsHandshakeFeature>()?.HostName ?? "" : "-";
                seen.Add((sni, context.Request.Host.Value ?? ""));
                if (routed.Contains(context.Request.Host.Host)) return context.Response.WriteAsync(AppContent);
                context.Response.StatusCode = 404;
                return context.Response.WriteAsync("default backend - 404");
            }

            var http = await KestrelServer.StartHttpAsync(App);
            var https = await KestrelServer.StartHttpsAsync(pki.Valid([.. routed]), App);
            return new MiniIngress { Http = http, Https = https, Seen = seen };
        }

        public async ValueTask DisposeAsync()
        {
            await Http.DisposeAsync();
            await Https.DisposeAsync();
        }
    }

    private HostScopeProbe Probe() => new(new HttpProbe(ProbeTimeouts.Normal), new TlsProbe(ProbeTimeouts.Normal, Pki.Bundle));

    [Fact]
    public async Task Every_unrouted_variant_is_sent_as_labelled_and_the_baseline_sees_the_application()
    {
        await using var ingress = await MiniIngress.StartAsync(Pki, [Host]);
        string[] tenants = [Host, "other.example.test"];

        var evidence = await Probe().ProbeAsync(ingress.Endpoint, Host, tenants, CancellationToken.None);

        evidence.Host.Should().Be(Host);
        evidence.TenantHosts.Should().Equal(tenants);
        evidence.ApplicationBaseline!.Status.Should().Be(200);
        evidence.ApplicationBaseline.Body.Should().Be(AppContent);
        var sent = evidence.Exchanges.ToDictionary(e => e.Label, e => e.Exchange);
        sent.Keys.Should().BeEquivalentTo(
            HostScopeProbe.HttpUnroutedSibling, HostScopeProbe.HttpUnroutedInvalid, HostScopeProbe.HttpByIp,
            HostScopeProbe.HttpsUnroutedSibling, HostScopeProbe.HttpsUnroutedInvalid, HostScopeProbe.HttpsNoSni,
            HostScopeProbe.HttpsRandomSni, HostScopeProbe.HttpsByIp, HostScopeProbe.HttpsRoutedSniUnroutedHost);
        sent.Values.Should().OnlyContain(e => e.Status == 404 && e.Failure == null && !e.Body.Contains(AppContent));

        var sibling = sent[HostScopeProbe.HttpUnroutedSibling].HostHeader!;
        var invalid = sent[HostScopeProbe.HttpUnroutedInvalid].HostHeader!;
        sibling.Should().MatchRegex("^kr-[a-z0-9-]+\\.example\\.test$");
        invalid.Should().EndWith(".invalid");
        tenants.Should().NotContain([sibling, invalid]);
        (string? Sni, string? Host) Sent(string label) => (sent[label].Sni, sent[label].HostHeader);
        Sent(HostScopeProbe.HttpByIp).Should().Be((null, null));
        Sent(HostScopeProbe.HttpsUnroutedSibling).Should().Be((sibling, sibling));
        Sent(HostScopeProbe.HttpsUnroutedInvalid).Should().Be((invalid, invalid));
        Sent(HostScopeProbe.HttpsNoSni).Should().Be((null, sibling));
        Sent(HostScopeProbe.HttpsByIp).Should().Be((null, null));
        Sent(HostScopeProbe.HttpsRoutedSniUnroutedHost).Should().Be((Host, sibling));
        var randomSni = sent[HostScopeProbe.HttpsRandomSni].Sni!;
        randomSni.Should().EndWith(".invalid").And.NotBe(invalid);
        sent[HostScopeProbe.HttpsRandomSni].HostHeader.Should().Be(sibling);

        // The server saw on the wire exactly what the evidence says was sent.
        ingress.Seen.Should().Contain([
            ("-", sibling), ("-", invalid), ("-", $"127.0.0.1:{ingress.Http.Port}"),
            (sibling, sibling), (invalid, invalid), ("", sibling), (randomSni, sibling), ("", $"127.0.0.1:{ingress.Https.Port}"),
            (Host, sibling), (Host, Host)]);
    }

    [Fact]
    public async Task Handshakes_are_made_with_unrouted_SNIs_and_with_none()
    {
        await using var ingress = await MiniIngress.StartAsync(Pki, [Host]);

        var evidence = await Probe().ProbeAsync(ingress.Endpoint, Host, [Host], CancellationToken.None);

        var handshakes = evidence.Handshakes.ToDictionary(h => h.Label, h => h.Handshake);
        handshakes.Keys.Should().BeEquivalentTo(HostScopeProbe.HandshakeUnroutedSibling, HostScopeProbe.HandshakeUnroutedInvalid, HostScopeProbe.HandshakeNoSni);
        handshakes.Values.Should().OnlyContain(h => h.Completed && h.Leaf != null && h.Leaf.DnsNames.Contains(Host),
            "this server serves its one certificate to everyone, and the evidence must show it");
        handshakes[HostScopeProbe.HandshakeUnroutedSibling].Sni.Should().EndWith(".example.test").And.NotBe(Host);
        handshakes[HostScopeProbe.HandshakeUnroutedInvalid].Sni.Should().EndWith(".invalid");
        handshakes[HostScopeProbe.HandshakeNoSni].Sni.Should().BeNull();
        ingress.Https.ReceivedSni.Should().Contain("");
    }

    [Fact]
    public async Task The_unrouted_names_are_new_on_every_run()
    {
        await using var ingress = await MiniIngress.StartAsync(Pki, [Host]);

        var first = await Probe().ProbeAsync(ingress.Endpoint, Host, [Host], CancellationToken.None);
        var second = await Probe().ProbeAsync(ingress.Endpoint, Host, [Host], CancellationToken.None);

        string Sibling(Evidence.HostScopeEvidence e) => e.Exchanges.Single(x => x.Label == HostScopeProbe.HttpUnroutedSibling).Exchange.HostHeader!;
        Sibling(first).Should().NotBe(Sibling(second));
    }

    [Fact]
    public async Task Thirty_hosts_on_one_address_are_probed_concurrently_within_seconds()
    {
        var hosts = Enumerable.Range(1, 30).Select(i => $"app{i}.example.test").ToList();
        await using var ingress = await MiniIngress.StartAsync(Pki, hosts);
        var probe = Probe();
        var clock = Stopwatch.StartNew();

        var evidence = await Task.WhenAll(hosts.Select(h => probe.ProbeAsync(ingress.Endpoint, h, hosts, CancellationToken.None)));

        output.WriteLine($"30 hosts, {evidence.Sum(e => e.Exchanges.Count + e.Handshakes.Count + 1)} connections: {clock.Elapsed.TotalSeconds:0.00} s");
        // About 2 s on an idle two-core machine (server and probes in one process); the bound leaves room for a
        // machine shared with other builds, and still fails if exchanges were serialised or waited for timeouts.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
        evidence.Should().OnlyContain(e => e.ApplicationBaseline!.Status == 200 && e.Exchanges.All(x => x.Exchange.Status == 404));
    }
}

/// <summary>Tests in this collection run after, and apart from, the parallel ones.</summary>
[CollectionDefinition(HostScopeProbeTests.Alone, DisableParallelization = true)]
public sealed class ProbesTimedAlone;
