namespace KubeRaya.Conformance.Reference.Faults;

/// <summary>Every calibration fault of the reference platform, with its name and the controls it breaks.</summary>
public static class FaultCatalogue
{
    /// <summary>All faults, one per <see cref="FaultSwitch"/> value.</summary>
    public static IReadOnlyList<Fault> All { get; } =
    [
        new(FaultSwitch.NoHttpRedirect, "no-http-redirect", ["KR-HTTP-01", "KR-UX-01"], FaultApplier.Controller,
            "Plain HTTP requests to a TLS host are proxied to the application instead of being redirected. A browser opening http:// then stays on HTTP, so KR-UX-01 fails with it."),
        new(FaultSwitch.Redirect302, "redirect-302", ["KR-HTTP-01"], FaultApplier.Controller,
            "Plain HTTP requests to a TLS host are redirected with 302 Found instead of 308 Permanent Redirect."),
        new(FaultSwitch.Tls10Enabled, "tls10-enabled", ["KR-TLS-03"], FaultApplier.Controller,
            "ssl_protocols adds TLSv1 and TLSv1.1 (TLS 1.3 stays on), with forward-secret CBC suites and @SECLEVEL=0 so that the old versions can negotiate."),
        new(FaultSwitch.WeakCiphers, "weak-ciphers", ["KR-TLS-04"], FaultApplier.Controller,
            "The cipher list starts with static-RSA AES128-SHA and AES256-SHA and ends with anonymous ECDH suites, server preference on, @SECLEVEL=0. Static RSA needs an RSA key (the default certificate is RSA, EC tenant certificates are not); the anonymous suites need none, so a ClientHello offering only weak suites is accepted for every host."),
        new(FaultSwitch.HstsOff, "hsts-off", ["KR-HTTP-02"], FaultApplier.Controller,
            "HTTPS responses carry no Strict-Transport-Security header."),
        new(FaultSwitch.DefaultCertLeaksTenant, "default-cert-leaks-tenant", ["KR-HOST-02"], FaultApplier.Controller,
            "The default server (unknown or absent SNI) presents the first tenant certificate instead of the self-signed default certificate."),
        new(FaultSwitch.CatchAll, "catch-all", ["KR-HOST-01"], FaultApplier.Controller,
            "The default server proxies unknown hosts to the first Ingress backend instead of answering 404."),
        new(FaultSwitch.PathLeak, "path-leak", ["KR-HOST-03"], FaultApplier.Controller,
            "Every tenant host gets a 'location /' to its first backend, so paths outside the declared ones reach the application."),
        new(FaultSwitch.ServicesNodePort, "services-nodeport", ["KR-PRIV-01"], FaultApplier.ApiServer,
            "The API server stores every ClusterIP Service as NodePort; the data plane then listens on the node address at the node port."),
        new(FaultSwitch.PodsExposed, "pods-exposed", ["KR-PRIV-02"], FaultApplier.Pods,
            "Each pod port is also forwarded from the host's loopback at the same pod IP and port, so the harness can connect to it."),
        new(FaultSwitch.SecretUpdatesIgnored, "secret-updates-ignored", ["KR-CERT-07", "KR-CERT-06"], FaultApplier.Controller,
            "The controller keeps the first certificate it saw in each Secret and ignores later changes, so a rotated certificate is never served."),
        new(FaultSwitch.TlsPassthrough, "tls-passthrough", ["KR-TLS-02", "KR-HOST-01"], FaultApplier.Controller,
            "Port 443 passes TLS for tenant hosts through to the pods (ssl_preread), which terminate it themselves, as an application holding its certificate would: with the Ingress Secret's certificate mounted into the pod (a self-signed pod certificate for other names), and the application's own HSTS header. The echo's report (TLS received, no X-Forwarded-Proto) gives it away; and since the ingress never sees the Host header of a passed-through connection, a request with a tenant's SNI but an unrouted Host reaches that tenant's application, so KR-HOST-01 fails with it. Hosts whose Ingresses ask for basic auth or rate limiting are not passed through (ingress-nginx ignores those annotations on passthrough)."),
        new(FaultSwitch.HostNetwork, "host-network", ["KR-PRIV-03", "KR-PRIV-02"], FaultApplier.Pods,
            "Pods are reported with hostNetwork: true and hostPort set, get the node address (the ingress address) as pod IP and listen on it, as on a real node; they are therefore reachable from outside, so KR-PRIV-02 fails with it. Only one replica per port can run, the others stay Pending. The API server may also rewrite the Deployment template."),
    ];

    /// <summary>The fault of a switch.</summary>
    public static Fault Get(FaultSwitch faultSwitch) => All.Single(f => f.Switch == faultSwitch);

    /// <summary>Finds a fault by its stable name (case-insensitive); false when no fault has that name.</summary>
    public static bool TryParse(string name, out Fault fault)
    {
        fault = All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return fault is not null;
    }

    /// <summary>Finds a fault by its stable name, or throws naming the known faults.</summary>
    public static Fault Parse(string name) =>
        TryParse(name, out var fault)
            ? fault
            : throw new ArgumentException($"Unknown fault '{name}'. Known faults: {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));
}
