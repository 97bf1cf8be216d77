using System.Security.Cryptography.X509Certificates;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;
using KubeRaya.Conformance.Reporting;
using KubeRaya.Conformance.Tests.Browser;

namespace KubeRaya.Conformance.Tests.Reporting;

/// <summary>
/// A finished run on disk, the way scenarios leave it: a ledger, evidence files (a served chain, a hostile
/// HTTP exchange, a browser visit with its screenshot) and a features directory, plus the summary that
/// SummaryBuilder makes of it. Failures, an undecided control and skips included. Deleted on dispose.
/// </summary>
internal sealed class SampleRun : IDisposable
{
    public const string Shop = "shop.kuberaya.test";
    public const string Blog = "blog.kuberaya.test";
    public const string HostileHeader = "<script>document.title='pwned'</script>";
    public const string HostileBody = "<img src=x onerror=\"document.body.dataset.pwned=1\"><b>application home page</b>";

    public const string RedirectObserved = "GET http://shop.kuberaya.test/ answered 200 with the application's page instead of 301 or 308 to https://shop.kuberaya.test/";
    public const string NameObserved = "the certificate served for blog.kuberaya.test names only DNS:shop.kuberaya.test; no subjectAltName matches blog.kuberaya.test";
    public const string AlpnObserved = "ALPN selected http/1.1, not h2";

    private readonly TestAuthority _ca = new("KubeRaya sample run CA");

    public SampleRun(bool testDouble = true)
    {
        Root = System.IO.Directory.CreateTempSubdirectory("kr-report-test-").FullName;
        Directory = Path.Combine(Root, "report");
        Features = Path.Combine(Root, "features");
        System.IO.Directory.CreateDirectory(Directory);
        System.IO.Directory.CreateDirectory(Features);
        Leaf = _ca.IssueServer(Shop);
        WriteFeatures();
        Records = WriteEvidence();
        var ledger = new ResultLedger(Directory);
        foreach (var record in Records) ledger.Append(record);
        Summary = SummaryBuilder.Build(
            "reference",
            ControlModes.Endpoint | ControlModes.Deploy,
            [Shop, Blog],
            ResultLedger.Read(ledger.Path),
            null,
            new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 26, 13, 4, 30, TimeSpan.Zero),
            new Dictionary<string, string>
            {
                ["harness"] = "KubeRaya.Conformance 0.1.0 (commit 7bbdc02)",
                ["kubernetes"] = "reference platform (test double)",
                ["ingressController"] = "nginx 1.22.1 (reference rendering)",
                ["hosts"] = $"{Shop}, {Blog}",
            },
            testDouble);
    }

    public string Root { get; }
    public string Directory { get; }
    public string Features { get; }
    public RunSummary Summary { get; }
    public IReadOnlyList<ResultRecord> Records { get; }

    /// <summary>The leaf the run served, with its private key: the key the bundle must never contain.</summary>
    public X509Certificate2 Leaf { get; }

    public ReportOptions Options => new()
    {
        FeaturesDirectory = Features,
        KeyMaterial = KeyMaterialScanner.ForKeys([Leaf.GetECDsaPrivateKey()!]),
    };

    public ReportBundle Write() => ReportWriter.Write(Summary, Directory, Options);

    private IReadOnlyList<ResultRecord> WriteEvidence()
    {
        var exchange = new HttpExchangeEvidence
        {
            Scheme = "http",
            Address = "127.0.0.1",
            Port = 8080,
            HostHeader = Shop,
            PathAndQuery = "/",
            Status = 200,
            Headers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["content-type"] = ["text/html"],
                ["x-served-by"] = [HostileHeader],
            },
            Body = HostileBody,
        };
        var exchangeFile = EvidenceFiles.Write(Directory, "KR-HTTP-01", Shop, "http-get", exchange);

        var handshake = new TlsHandshakeEvidence
        {
            Host = Blog,
            Address = "127.0.0.1",
            Port = 8443,
            Sni = Blog,
            Completed = true,
            Protocol = "Tls13",
            CipherSuite = "TLS_AES_128_GCM_SHA256",
            Alpn = "http/1.1",
            ServedChain = [CertificateEvidence.From(Leaf), CertificateEvidence.From(_ca.PublicCertificate)],
            ChainValidation = new ChainValidationEvidence(true, [], []),
            HttpStatus = 200,
        };
        var handshakeFile = EvidenceFiles.Write(Directory, "KR-CERT-01", Blog, "handshake", handshake);

        var screenshot = EvidenceFiles.PathFor(Directory, "KR-UX-01", Shop, "browser", "png");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Directory, screenshot))!);
        File.WriteAllBytes(Path.Combine(Directory, screenshot), TinyPng.Create(64, 40, (0x1a, 0x7f, 0x37)));
        var browser = new BrowserEvidence
        {
            Host = Shop,
            Address = "127.0.0.1",
            HttpPort = 8080,
            HttpsPort = 8443,
            StartUrl = $"http://{Shop}:8080/",
            FinalUrl = $"https://{Shop}:8443/",
            Status = 200,
            Hops = [new BrowserHop($"http://{Shop}:8080/", 308, $"https://{Shop}:8443/"), new BrowserHop($"https://{Shop}:8443/", 200, null)],
            Screenshot = Path.GetFileName(screenshot),
            Browser = "chromium 156.0.8078.108",
        };
        var browserFile = EvidenceFiles.Write(Directory, "KR-UX-01", Shop, "browser", browser);

        return
        [
            Record(Verdict.Fail("KR-HTTP-01", Shop, "GET http://shop.kuberaya.test/ answers 301 or 308 to https://shop.kuberaya.test/", RedirectObserved), "Plain HTTP is redirected permanently to HTTPS", exchangeFile),
            Record(Verdict.Pass("KR-HTTP-01", Blog, "GET http://blog.kuberaya.test/ answers 301 or 308 to https://blog.kuberaya.test/", "308 to https://blog.kuberaya.test/"), "Plain HTTP is redirected permanently to HTTPS", null),
            Record(Verdict.Fail("KR-CERT-01", Blog, "a DNS subjectAltName matches blog.kuberaya.test", NameObserved), "The certificate names the host", handshakeFile),
            Record(Verdict.Pass("KR-CERT-01", Shop, "a DNS subjectAltName matches shop.kuberaya.test", "DNS:shop.kuberaya.test matches"), "The certificate names the host", null),
            Record(Verdict.Pass("KR-UX-01", Shop, "Chromium ends on https://shop.kuberaya.test:8443/", "ended on https://shop.kuberaya.test:8443/ with status 200"), "A real browser reaches the app securely", browserFile),
            Record(Verdict.Fail("KR-EXT-02", Shop, "ALPN selects h2", AlpnObserved), "HTTP/2 is offered", handshakeFile),
            Record(Verdict.Skip("KR-EXT-03", Shop, "401 without credentials, 200 with", "the ingress controller offers no basic authentication"), "Authentication at the ingress", null),
        ];
    }

    private static ResultRecord Record(Verdict verdict, string scenario, string? evidence) =>
        ResultRecord.From(verdict with { Evidence = evidence }, scenario);

    private void WriteFeatures()
    {
        File.WriteAllText(Path.Combine(Features, "http.feature"), """
            @KR-HTTP-01
            Feature: Plain HTTP redirects to HTTPS
              Every public host answers plain HTTP with a permanent redirect to itself over HTTPS.

              Background:
                Given the run's public hosts

              Scenario: Plain HTTP is redirected permanently to HTTPS
                When a client sends GET http://<host>/a/b?c=d without following redirects
                Then the answer is 301 or 308
                And Location is https://<host>/a/b?c=d
            """);
        File.WriteAllText(Path.Combine(Features, "cert.feature"), """
            Feature: Certificates
              @KR-CERT-01
              Scenario Outline: The certificate names the host
                When the ingress is asked for <host> by SNI
                Then a DNS subjectAltName of the served leaf matches <host>

                Examples:
                  | host |
                  | shop |
                  | blog |
            """);
        File.WriteAllText(Path.Combine(Features, "ux.feature"), """
            Feature: Browser
              @KR-UX-01
              Scenario: A real browser reaches the app securely
                Given Chromium trusting only the run's CA
                When it opens http://<host>/
                Then it ends on https://<host>/ without a certificate error
            """);
    }

    public void Dispose()
    {
        Leaf.Dispose();
        _ca.Dispose();
        System.IO.Directory.Delete(Root, recursive: true);
    }
}
