namespace KubeRaya.Conformance.Reference.Faults;

/// <summary>
/// A switch that makes the reference platform break one control on purpose. Calibration runs the suite
/// once per switch and proves that exactly the expected controls fail; see <see cref="FaultCatalogue"/>
/// for the name, the controls broken and which part of the platform applies each one.
/// </summary>
public enum FaultSwitch
{
    /// <summary>Plain HTTP serves the application instead of redirecting (KR-HTTP-01).</summary>
    NoHttpRedirect,

    /// <summary>Plain HTTP redirects with a temporary 302 instead of a permanent 308 (KR-HTTP-01).</summary>
    Redirect302,

    /// <summary>TLS 1.0 and TLS 1.1 are accepted next to TLS 1.2 and 1.3 (KR-TLS-03).</summary>
    Tls10Enabled,

    /// <summary>Static-RSA CBC and anonymous suites are accepted and preferred (KR-TLS-04).</summary>
    WeakCiphers,

    /// <summary>HTTPS responses carry no Strict-Transport-Security header (KR-HTTP-02).</summary>
    HstsOff,

    /// <summary>The default server presents a tenant's certificate to unknown or absent SNI (KR-HOST-02).</summary>
    DefaultCertLeaksTenant,

    /// <summary>Unknown hosts are routed to an application instead of the 404 default backend (KR-HOST-01).</summary>
    CatchAll,

    /// <summary>Paths outside an Ingress's declared paths reach the host's backend (KR-HOST-03).</summary>
    PathLeak,

    /// <summary>Services are stored as NodePort; applied by the API server (KR-PRIV-01).</summary>
    ServicesNodePort,

    /// <summary>Pods are also reachable from the host at their pod IP (KR-PRIV-02).</summary>
    PodsExposed,

    /// <summary>Changes to a TLS Secret are ignored after first use (KR-CERT-07, KR-CERT-06 after rotation).</summary>
    SecretUpdatesIgnored,

    /// <summary>TLS is passed through to the pods, which terminate it with their own certificate (KR-TLS-02).</summary>
    TlsPassthrough,

    /// <summary>Pods run in the node's network with host ports (KR-PRIV-03).</summary>
    HostNetwork,
}
