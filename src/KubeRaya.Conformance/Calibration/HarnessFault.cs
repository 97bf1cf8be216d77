namespace KubeRaya.Conformance.Calibration;

/// <summary>
/// CALIBRATION ONLY. A way in which the harness itself deploys a broken sample app, so that calibration can prove
/// that a check catches a mistake made in the application's objects rather than in the platform (a certificate
/// that is expired or names the wrong host, a Secret of the wrong type, a wildcard rule...). A conformance run
/// never switches one on; <c>kuberaya-conformance calibrate</c> does, one per run, through the run's
/// <c>--fault</c> option. Names and effects are in <see cref="HarnessFaultCatalogue"/>.
/// </summary>
public enum HarnessFault
{
    /// <summary>Every app's certificate expired a day ago.</summary>
    ExpiredCertificate,

    /// <summary>Every app's certificate names another host.</summary>
    WrongHostCertificate,

    /// <summary>Every app's certificate has a 1024-bit RSA key.</summary>
    WeakKeyCertificate,

    /// <summary>Every app's certificate is issued by a CA unrelated to the run's CA.</summary>
    UntrustedCertificate,

    /// <summary>Every app's TLS Secret is of type Opaque instead of kubernetes.io/tls.</summary>
    OpaqueTlsSecret,

    /// <summary>Every scenario app's namespace also holds its certificate in a ConfigMap.</summary>
    CertificateInConfigMap,

    /// <summary>Every scenario app's namespace also holds an Ingress for the wildcard host *.kuberaya.test.</summary>
    WildcardHost,

    /// <summary>Every scenario app's host and path are also claimed by an Ingress in another namespace.</summary>
    DuplicateClaim,

    /// <summary>Every scenario app's namespace also holds an Ingress for another public host, with no tls entry.</summary>
    HostWithoutTls,

    /// <summary>Every app's Secret is renewed with a fresh certificate right after the app is served (what cert-manager does).</summary>
    SecretRenewed,

    /// <summary>Every app listens on a container port of its own, so that host-network pods of several apps can run on one node.</summary>
    OwnPorts,
}
