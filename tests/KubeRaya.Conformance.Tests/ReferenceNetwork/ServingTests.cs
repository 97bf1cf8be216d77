using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using FluentAssertions;
using KubeRaya.Conformance.Reference.Network;
using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>The fault-free platform serves like upstream ingress-nginx.</summary>
public sealed class ServingTests(ServingPlatformFixture fixture) : IClassFixture<ServingPlatformFixture>
{
    private static CancellationToken None => CancellationToken.None;

    private PlatformUnderTest Platform => fixture.Platform;

    [Fact]
    public async Task Https_with_SNI_reaches_the_echo_over_plain_http_with_forwarded_proto_https()
    {
        var response = await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.ShopHost}/cart/items?id=7", None);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.CertificateFingerprint.Should().Be(fixture.ShopFingerprint, "the host's TLS Secret is what nginx serves");
        var echo = response.Echo!.Value;
        echo.GetProperty("scheme").GetString().Should().Be("http", "TLS terminates at nginx");
        echo.GetProperty("tls").GetBoolean().Should().BeFalse();
        echo.GetProperty("path").GetString().Should().Be("/cart/items");
        echo.GetProperty("query").GetString().Should().Be("id=7");
        echo.GetProperty("namespace").GetString().Should().Be(SampleCluster.Namespace);
        response.EchoedHeader("X-Forwarded-Proto").Should().Be("https");
        response.EchoedHeader("X-Forwarded-Host").Should().Be(fixture.ShopHost);
        response.EchoedHeader("X-Real-IP").Should().Be(Platform.Plane.Network.Subnet.HostAddress.ToString());
        response.Header("Strict-Transport-Security").Should().Be("max-age=31536000; includeSubDomains");
    }

    [Fact]
    public async Task Plain_http_redirects_with_308_to_the_same_host_path_and_query()
    {
        var response = await EdgeClient.GetAsync(Platform.Address, $"http://{fixture.ShopHost}/cart/items?id=7", None);

        response.Status.Should().Be(HttpStatusCode.PermanentRedirect);
        response.Header("Location").Should().Be($"https://{fixture.ShopHost}/cart/items?id=7");
        response.Header("X-KubeRaya-Echo").Should().BeNull("the redirect carries no application content");
        response.Header("Strict-Transport-Security").Should().BeNull("HSTS is sent over HTTPS only");
    }

    [Fact]
    public async Task An_Ingress_with_ssl_redirect_false_is_served_over_plain_http()
    {
        var response = await EdgeClient.GetAsync(Platform.Address, $"http://{fixture.PlainHost}/", None);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Echo!.Value.GetProperty("scheme").GetString().Should().Be("http");
        response.EchoedHeader("X-Forwarded-Proto").Should().Be("http");
    }

    [Fact]
    public async Task An_Ingress_of_another_class_is_not_served()
    {
        var response = await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.ForeignHost}/", None);

        response.Status.Should().Be(HttpStatusCode.NotFound);
        Platform.Sink.Ingresses.Should().NotContainKey(RecordingSink.Key(SampleCluster.Namespace, "foreign"));
    }

    [Fact]
    public async Task Unknown_hosts_get_404_and_the_default_certificate()
    {
        var unknown = SampleCluster.RandomHost("unknown");

        var overHttp = await EdgeClient.GetAsync(Platform.Address, $"http://{unknown}/", None);
        var overHttps = await EdgeClient.GetAsync(Platform.Address, $"https://{unknown}/", None);
        var byAddress = await EdgeClient.GetAsync(Platform.Address, $"https://{Platform.Address}/", None);

        overHttp.Status.Should().Be(HttpStatusCode.NotFound);
        overHttps.Status.Should().Be(HttpStatusCode.NotFound);
        byAddress.Status.Should().Be(HttpStatusCode.NotFound);
        new[] { overHttp, overHttps, byAddress }.Should().OnlyContain(r => r.Header("X-KubeRaya-Echo") == null);
        overHttps.CertificateFingerprint.Should().NotBe(fixture.ShopFingerprint);
        var (noSni, _) = await EdgeClient.HandshakeAsync(Platform.Https, null, None);
        noSni.Should().Be(overHttps.CertificateFingerprint, "without SNI the default certificate is served too");
    }

    [Fact]
    public async Task Prefix_paths_match_whole_path_elements_and_exact_paths_only_themselves()
    {
        async Task<bool> Reaches(string path) =>
            (await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.PathsHost}{path}", None)).Header("X-KubeRaya-Echo") is not null;

        (await Reaches("/foo")).Should().BeTrue();
        (await Reaches("/foo/")).Should().BeTrue();
        (await Reaches("/foo/bar")).Should().BeTrue();
        (await Reaches("/foobar")).Should().BeFalse("Prefix /foo does not match /foobar");
        (await Reaches("/bar")).Should().BeTrue();
        (await Reaches("/bar/baz")).Should().BeFalse("Exact /bar matches only /bar");
        (await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.PathsHost}/undeclared", None)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pod_IP_refuses_the_host_but_answers_inside_the_namespace_and_through_nginx()
    {
        var pod = Platform.Plane.Pods.Should().ContainSingle().Subject;
        pod.Address.Should().NotBeNull();
        Ipv4Prefix.Pods.Contains(pod.Address!).Should().BeTrue();
        var endpoint = new IPEndPoint(pod.Address!, 8080);

        using var fromHost = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var connect = async () => await fromHost.ConnectAsync(endpoint, None);
        await connect.Should().ThrowAsync<SocketException>("the pod address exists only inside the platform's namespace");

        using var inside = await Platform.Plane.Network.Namespace.ConnectAsync(endpoint, None);
        inside.Connected.Should().BeTrue();
        var throughNginx = await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.ShopHost}/", None);
        throughNginx.Header("X-KubeRaya-Echo").Should().Be(pod.Name);
    }

    [Fact]
    public async Task The_ClusterIP_forwards_to_the_pods_inside_the_namespace_only()
    {
        var clusterIp = new IPEndPoint(IPAddress.Parse(ServingPlatformFixture.ClusterIp), 80);
        using var client = Platform.Plane.Network.Namespace.CreateHttpClient();

        var body = await client.GetStringAsync(new Uri($"http://{clusterIp}/via-cluster-ip"), None);

        body.Should().Contain("\"path\": \"/via-cluster-ip\"");
        using var fromHost = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var connect = async () => await fromHost.ConnectAsync(clusterIp, None);
        await connect.Should().ThrowAsync<SocketException>();
    }

    [Fact]
    public void Pods_endpoints_deployments_and_ingresses_are_reported_to_the_API_server()
    {
        var pod = Platform.Sink.Pods.Values.Should().ContainSingle().Subject;
        pod.Status.Phase.Should().Be("Running");
        pod.Status.Conditions.Should().Contain(c => c.Type == "Ready" && c.Status == "True");
        pod.Metadata.Labels.Should().Contain("app", "web");
        pod.Status.PodIP.Should().StartWith("127.244.");
        pod.Spec.HostNetwork.Should().NotBe(true);

        var endpoints = Platform.Sink.Endpoints[RecordingSink.Key(SampleCluster.Namespace, "web")];
        endpoints.Subsets.Should().ContainSingle().Which.Addresses.Should().ContainSingle().Which.Ip.Should().Be(pod.Status.PodIP);
        endpoints.Subsets[0].Ports.Should().ContainSingle().Which.Port.Should().Be(8080);

        var deployment = Platform.Sink.Deployments[RecordingSink.Key(SampleCluster.Namespace, "web")];
        deployment.ReadyReplicas.Should().Be(1);
        deployment.Conditions.Should().Contain(c => c.Type == "Available" && c.Status == "True");

        Platform.Sink.Ingresses[RecordingSink.Key(SampleCluster.Namespace, "shop")].LoadBalancer.Ingress.Should().ContainSingle()
            .Which.Ip.Should().Be(Platform.Address.ToString());
    }

    [Fact]
    public async Task Basic_auth_answers_401_without_credentials_and_the_app_with_them()
    {
        var anonymous = await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.AuthHost}/", None);
        var wrong = await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.AuthHost}/", None, Basic("auditor", "guess"));
        var right = await EdgeClient.GetAsync(Platform.Address, $"https://{fixture.AuthHost}/", None, Basic("auditor", "s3cret"));

        anonymous.Status.Should().Be(HttpStatusCode.Unauthorized);
        wrong.Status.Should().Be(HttpStatusCode.Unauthorized);
        right.Status.Should().Be(HttpStatusCode.OK);
        right.Header("X-KubeRaya-Echo").Should().NotBeNull();

        static AuthenticationHeaderValue Basic(string user, string password) =>
            new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    [Fact]
    public async Task A_burst_over_the_rate_limit_is_refused_with_503()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => EdgeClient.GetAsync(Platform.Address, $"https://{fixture.LimitHost}/", None)));

        statuses.Select(s => s.Status).Should().Contain(HttpStatusCode.OK).And.Contain(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Only_TLS_1_2_and_1_3_negotiate()
    {
        var (_, modern) = await EdgeClient.HandshakeAsync(Platform.Https, fixture.ShopHost, None);
        var tls10 = await OpenSslClient.HandshakeAsync(Platform.Https, fixture.ShopHost, None, "-tls1", "-cipher", "ALL:@SECLEVEL=0");
        var tls11 = await OpenSslClient.HandshakeAsync(Platform.Https, fixture.ShopHost, None, "-tls1_1", "-cipher", "ALL:@SECLEVEL=0");

        modern.Should().Be(SslProtocols.Tls13);
        tls10.Completed.Should().BeFalse(tls10.Output);
        tls11.Completed.Should().BeFalse(tls11.Output);
    }

    [Fact]
    public async Task Http2_is_offered_through_ALPN()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(Platform.Https, None);
        await using var tls = new System.Net.Security.SslStream(new NetworkStream(socket, ownsSocket: false));

        await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions
        {
            TargetHost = fixture.ShopHost,
            ApplicationProtocols = [System.Net.Security.SslApplicationProtocol.Http2, System.Net.Security.SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        }, None);

        tls.NegotiatedApplicationProtocol.Should().Be(System.Net.Security.SslApplicationProtocol.Http2);
    }

    [Fact]
    public async Task Weak_suites_are_refused()
    {
        var staticRsa = await OpenSslClient.HandshakeAsync(Platform.Https, null, None, "-tls1_2", "-cipher", "AES128-SHA:@SECLEVEL=0");
        var anonymous = await OpenSslClient.HandshakeAsync(Platform.Https, fixture.ShopHost, None, "-tls1_2", "-cipher", "aNULL:@SECLEVEL=0");

        staticRsa.Completed.Should().BeFalse(staticRsa.Output);
        anonymous.Completed.Should().BeFalse(anonymous.Output);
    }

    [Fact]
    public async Task A_replaced_certificate_is_served_well_under_a_second_after_the_change()
    {
        var (chain, key, fingerprint) = Platform.Certificates.Leaf(fixture.RotateHost);
        var index = Platform.Cluster.Secrets.FindIndex(s => s.Metadata.Name == "rotate-tls");
        Platform.Cluster.Secrets[index] = SampleCluster.TlsSecret("rotate-tls", chain, key);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Platform.ApplyAsync(None);
        clock.Stop();
        var (served, _) = await EdgeClient.HandshakeAsync(Platform.Https, fixture.RotateHost, None);

        served.Should().Be(fingerprint, "the replaced Secret is served");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }
}
