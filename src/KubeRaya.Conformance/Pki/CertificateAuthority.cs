using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Pki;

/// <summary>
/// A certificate authority of the run's own PKI: a root, or an intermediate below a root, whose RSA 3072 key
/// lives in memory only. It issues leaves of every <see cref="LeafProfile"/>.
/// </summary>
/// <remarks>
/// CA keys are RSA rather than EC so that the one issuer can also sign <see cref="LeafProfile.Sha1Signed"/>
/// leaves with sha1WithRSAEncryption (.NET cannot sign SHA-1 with ECDSA). CA certificates start a year in
/// the past so that expired leaves still fall inside their issuer's validity.
/// </remarks>
public sealed class CertificateAuthority : IDisposable
{
    private static readonly TimeSpan Backdate = TimeSpan.FromDays(365);
    private static readonly TimeSpan RootLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan IntermediateLifetime = TimeSpan.FromDays(1825);

    private readonly RSA key;
    private readonly bool isRoot;
    private bool disposed;

    private CertificateAuthority(RSA key, X509Certificate2 certificate, bool isRoot)
    {
        this.key = key;
        Certificate = certificate;
        this.isRoot = isRoot;
    }

    /// <summary>This authority's certificate, without its private key; disposed with this authority.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>This authority's certificate as PEM, e.g. for a CA bundle.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem() + "\n";

    /// <summary>Creates a self-signed root: CA:TRUE, keyCertSign and cRLSign, valid from a year ago for ten years.</summary>
    public static CertificateAuthority CreateRoot(string commonName)
    {
        var key = RSA.Create(3072);
        var now = WholeSeconds(DateTimeOffset.UtcNow);
        var request = AuthorityRequest(commonName, key, pathLength: null);
        var certificate = request.Create(request.SubjectName, Signer(key), now - Backdate, now + RootLifetime, NewSerialNumber());
        return new CertificateAuthority(key, certificate, isRoot: true);
    }

    /// <summary>Creates an intermediate signed by this root, with pathlen 0 so it can issue leaves only.</summary>
    /// <exception cref="InvalidOperationException">This authority is itself an intermediate.</exception>
    public CertificateAuthority CreateIntermediate(string commonName)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!isRoot)
        {
            throw new InvalidOperationException(
                $"'{Certificate.Subject}' is an intermediate with pathlen 0; only a root can create intermediates.");
        }

        var intermediateKey = RSA.Create(3072);
        var now = WholeSeconds(DateTimeOffset.UtcNow);
        var request = AuthorityRequest(commonName, intermediateKey, pathLength: 0);
        var certificate = Sign(request, now - Backdate, now + IntermediateLifetime);
        return new CertificateAuthority(intermediateKey, certificate, isRoot: false);
    }

    /// <summary>
    /// Issues a leaf of <paramref name="profile"/> for <paramref name="hosts"/> (the first host is the CN),
    /// with a fresh key and a random 16-byte serial. <paramref name="now"/> defaults to the current time.
    /// </summary>
    /// <exception cref="ArgumentException">No hosts, a blank host, or a wildcard over a host with fewer than three labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The leaf's validity at <paramref name="now"/> would fall outside this authority's.</exception>
    public IssuedCertificate Issue(LeafProfile profile, IReadOnlyList<string> hosts, DateTimeOffset? now = null)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var shape = LeafShape.For(profile, hosts, WholeSeconds(now ?? DateTimeOffset.UtcNow));
        var leafKey = shape.CreateKey();
        var request = LeafRequest(shape, leafKey);
        using var publicOnly = Sign(request, shape.NotBefore, shape.NotAfter);
        var leaf = leafKey switch
        {
            RSA rsa => publicOnly.CopyWithPrivateKey(rsa),
            ECDsa ec => publicOnly.CopyWithPrivateKey(ec),
            _ => throw new InvalidOperationException($"Unexpected key type {leafKey.GetType().Name}."),
        };
        IReadOnlyList<X509Certificate2> intermediates = isRoot ? [] : [X509CertificateLoader.LoadCertificate(Certificate.RawData)];
        return new IssuedCertificate(leaf, leafKey, intermediates);
    }

    /// <summary>Forgets the private key. Idempotent.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        key.Dispose();
        Certificate.Dispose();
    }

    private X509Certificate2 Sign(CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var window = (From: new DateTimeOffset(Certificate.NotBefore), To: new DateTimeOffset(Certificate.NotAfter));
        if (notBefore < window.From || notAfter > window.To)
        {
            throw new ArgumentOutOfRangeException(
                nameof(notBefore),
                $"A certificate valid {notBefore:u} to {notAfter:u} cannot be issued by '{Certificate.Subject}', which is valid {window.From:u} to {window.To:u}.");
        }
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var signer = request.HashAlgorithm == HashAlgorithmName.SHA1 ? new Sha1RsaSignatureGenerator(key) : Signer(key);
        return request.Create(Certificate.SubjectName, signer, notBefore, notAfter, NewSerialNumber());
    }

    private static CertificateRequest AuthorityRequest(string commonName, RSA authorityKey, int? pathLength)
    {
        var request = new CertificateRequest(Name(commonName), authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, pathLength.HasValue, pathLength ?? 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static CertificateRequest LeafRequest(LeafShape shape, AsymmetricAlgorithm leafKey)
    {
        var request = new CertificateRequest(Name(shape.CommonName), new PublicKey(leafKey), shape.SignatureHash, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(shape.IsCertificateAuthority, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(shape.ExtendedKeyUsageOid)], false));
        if (shape.DnsNames.Count > 0 || shape.IpAddresses.Count > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var dns in shape.DnsNames) san.AddDnsName(dns);
            foreach (var ip in shape.IpAddresses) san.AddIpAddress(ip);
            request.CertificateExtensions.Add(san.Build());
        }
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static X509SignatureGenerator Signer(RSA signingKey) =>
        X509SignatureGenerator.CreateForRSA(signingKey, RSASignaturePadding.Pkcs1);

    private static X500DistinguishedName Name(string commonName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        return name.Build();
    }

    /// <summary>16 random bytes, first byte 01xxxxxx: positive, and exactly 16 bytes once DER-encoded.</summary>
    private static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }

    /// <summary>Certificates hold whole seconds; dropping the rest keeps what was asked equal to what is read back.</summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
}
