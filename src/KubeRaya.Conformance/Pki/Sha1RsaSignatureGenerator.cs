using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Pki;

/// <summary>
/// Signs with sha1WithRSAEncryption, which .NET's own RSA signature generator refuses to do. Used only to
/// make <see cref="LeafProfile.Sha1Signed"/> leaves, which exist to prove that SHA-1 signatures are caught.
/// </summary>
internal sealed class Sha1RsaSignatureGenerator(RSA key) : X509SignatureGenerator
{
    /// <summary>DER of AlgorithmIdentifier { sha1WithRSAEncryption (1.2.840.113549.1.1.5), NULL }.</summary>
    private static readonly byte[] Sha1WithRsaEncryption =
        [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05, 0x05, 0x00];

    private readonly X509SignatureGenerator rsa = CreateForRSA(key, RSASignaturePadding.Pkcs1);

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
        hashAlgorithm == HashAlgorithmName.SHA1
            ? (byte[])Sha1WithRsaEncryption.Clone()
            : throw new ArgumentOutOfRangeException(nameof(hashAlgorithm), hashAlgorithm, "This generator signs SHA-1 only.");

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
        key.SignData(data, hashAlgorithm, RSASignaturePadding.Pkcs1);

    protected override PublicKey BuildPublicKey() => rsa.PublicKey;
}
