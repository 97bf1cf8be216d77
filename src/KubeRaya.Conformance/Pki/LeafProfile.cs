namespace KubeRaya.Conformance.Pki;

/// <summary>
/// The kinds of leaf certificate the run's PKI issues: one sound profile, and one profile per way a
/// certificate can be wrong, each wrong in exactly one respect so that exactly one control notices it.
/// </summary>
public enum LeafProfile
{
    /// <summary>EC P-256, serverAuth, DNS SANs = the hosts, CN = the first host, 90 days from five minutes ago.</summary>
    Valid,

    /// <summary>As <see cref="Valid"/>, but its notAfter lies one day in the past.</summary>
    Expired,

    /// <summary>As <see cref="Valid"/>, but its notBefore lies one day in the future.</summary>
    NotYetValid,

    /// <summary>As <see cref="Valid"/>, but its SAN and CN name only <c>wrong-host.invalid</c>.</summary>
    WrongHost,

    /// <summary>As <see cref="Valid"/>, but with no subjectAltName extension: the host is in the CN only.</summary>
    CommonNameOnly,

    /// <summary>As <see cref="Valid"/>, but its only SAN (and its CN) is <c>*.</c> + the parent domain of the first host.</summary>
    Wildcard,

    /// <summary>As <see cref="Valid"/>, but its only SAN is the IP address 127.0.0.1.</summary>
    IpOnlySan,

    /// <summary>As <see cref="Valid"/>, but with a 1024-bit RSA key.</summary>
    Rsa1024,

    /// <summary>As <see cref="Valid"/>, but with an RSA 2048 key and signed by the CA with sha1WithRSAEncryption.</summary>
    Sha1Signed,

    /// <summary>As <see cref="Valid"/>, but with basicConstraints CA:TRUE.</summary>
    CaTrueLeaf,

    /// <summary>As <see cref="Valid"/>, but its extended key usage is clientAuth only.</summary>
    ClientAuthOnly,

    /// <summary>As <see cref="Valid"/>, but 825 days long (KR-CERT-05 allows 398).</summary>
    OverLongLifetime,

    /// <summary>As <see cref="Valid"/>, but only ten days remain before notAfter.</summary>
    ExpiringSoon,

    /// <summary>
    /// As <see cref="Valid"/>, but with an RSA 2048 key: sound in every respect, for a server that must be able to
    /// negotiate RSA-authenticated suites (e.g. to show that a static-RSA suite it allows is noticed).
    /// </summary>
    Rsa2048,
}
