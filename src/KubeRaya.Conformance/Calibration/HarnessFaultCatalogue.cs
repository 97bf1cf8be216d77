namespace KubeRaya.Conformance.Calibration;

/// <summary>
/// CALIBRATION ONLY. Every <see cref="HarnessFault"/> with its name and effect. The names start with "app-", so a
/// fault list on a command line reads at a glance as "the platform breaks this" (reference platform faults such as
/// <c>hsts-off</c>) or "the harness deploys a broken app" (<c>app-expired-certificate</c>).
/// </summary>
public static class HarnessFaultCatalogue
{
    /// <summary>The prefix of every harness fault name.</summary>
    public const string Prefix = "app-";

    /// <summary>Every harness fault, one per <see cref="HarnessFault"/> value.</summary>
    public static IReadOnlyList<HarnessFaultInfo> All { get; } =
    [
        new(HarnessFault.ExpiredCertificate, "app-expired-certificate",
            "Every app the harness deploys gets a certificate from the run's CA whose notAfter lies one day in the past."),
        new(HarnessFault.WrongHostCertificate, "app-wrong-host-certificate",
            "Every app the harness deploys gets a certificate from the run's CA that names only wrong-host.invalid."),
        new(HarnessFault.WeakKeyCertificate, "app-weak-key-certificate",
            "Every app the harness deploys gets a certificate from the run's CA with a 1024-bit RSA key."),
        new(HarnessFault.UntrustedCertificate, "app-untrusted-certificate",
            "Every app the harness deploys gets a certificate issued by a second root CA created for the run, which is not in the CA bundle the checks trust."),
        new(HarnessFault.OpaqueTlsSecret, "app-opaque-tls-secret",
            "Every app's certificate and key are stored in a Secret of type Opaque (same tls.crt and tls.key keys) instead of kubernetes.io/tls."),
        new(HarnessFault.CertificateInConfigMap, "app-certificate-in-configmap",
            "Each scenario app's namespace also holds a ConfigMap whose tls.crt key is the app's PEM certificate chain."),
        new(HarnessFault.WildcardHost, "app-wildcard-host",
            "Each scenario app's namespace also holds an Ingress routing the wildcard host *.kuberaya.test, path /, to the app's Service, with a tls entry for it naming a Secret that holds a *.kuberaya.test certificate from the run's CA."),
        new(HarnessFault.DuplicateClaim, "app-duplicate-claim",
            "After each scenario app is served, a second app is deployed in another namespace whose Ingress claims the same hosts and paths (with its own valid certificate from the run's CA). Being the younger claim it loses on ingress-nginx, so traffic still reaches the first app."),
        new(HarnessFault.HostWithoutTls, "app-host-without-tls",
            "Each scenario app's namespace also holds an Ingress routing another public host, path /, to the app's Service, with no tls entry."),
        new(HarnessFault.SecretRenewed, "app-secret-renewed",
            "Right after each app is served, the harness replaces its Secret's certificate and key with a fresh valid certificate for the same hosts, as cert-manager does on renewal, and does not wait for it to be served. Not a mistake by itself: it exposes a platform that keeps serving a stale certificate."),
        new(HarnessFault.OwnPorts, "app-own-ports",
            "Every app the harness deploys listens on a container port of its own (3100, 3101, …, with HTTP_PORT set for the echo) instead of 3000. Not a mistake by itself: on a platform that puts pods on the host network of its single node, it lets the pods of several apps run side by side, as they would on enough nodes."),
    ];

    /// <summary>True when the name looks like a harness fault (it has the <see cref="Prefix"/>).</summary>
    public static bool IsHarnessName(string name) =>
        name?.Trim().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The entry of a fault.</summary>
    public static HarnessFaultInfo Get(HarnessFault fault) => All.Single(f => f.Fault == fault);

    /// <summary>Finds a fault by its name (case-insensitive).</summary>
    public static bool TryParse(string name, out HarnessFaultInfo info)
    {
        info = All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return info is not null;
    }

    /// <summary>
    /// The harness faults among a comma-separated fault list (a run configuration's <c>Fault</c>); names without the
    /// <see cref="Prefix"/> belong to the platform and are passed over.
    /// </summary>
    /// <exception cref="ArgumentException">A name has the prefix but is no harness fault.</exception>
    public static IReadOnlySet<HarnessFault> Among(string? faultList)
    {
        var found = new HashSet<HarnessFault>();
        foreach (var name in (faultList ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(IsHarnessName))
        {
            if (!TryParse(name, out var info))
                throw new ArgumentException($"Unknown harness fault '{name}'. Known harness faults: {string.Join(", ", All.Select(f => f.Name))}.", nameof(faultList));
            found.Add(info.Fault);
        }
        return found;
    }
}
