using System.Formats.Asn1;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// Which broken hash (MD2, MD4, MD5, SHA-1) a certificate's signature uses, read from the signature algorithm OID.
/// For RSASSA-PSS, whose OID does not name the hash, the parameters are read from the DER: an absent hashAlgorithm
/// means SHA-1, the default of RFC 4055.
/// </summary>
public static class SignatureHash
{
    private const string RsaPss = "1.2.840.113549.1.1.10";

    private static readonly Dictionary<string, string> BrokenSignatures = new(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.1.2"] = "MD2",      // md2WithRSAEncryption
        ["1.2.840.113549.1.1.3"] = "MD4",      // md4WithRSAEncryption
        ["1.2.840.113549.1.1.4"] = "MD5",      // md5WithRSAEncryption
        ["1.2.840.113549.1.1.5"] = "SHA-1",    // sha1WithRSAEncryption
        ["1.3.14.3.2.3"] = "MD5",              // md5WithRSA (OIW)
        ["1.3.14.3.2.29"] = "SHA-1",           // sha1WithRSASignature (OIW)
        ["1.3.14.3.2.27"] = "SHA-1",           // dsaWithSHA1 (OIW)
        ["1.2.840.10040.4.3"] = "SHA-1",       // id-dsa-with-sha1
        ["1.2.840.10045.4.1"] = "SHA-1",       // ecdsa-with-SHA1
    };

    private static readonly Dictionary<string, string> BrokenHashes = new(StringComparer.Ordinal)
    {
        ["1.3.14.3.2.26"] = "SHA-1",
        ["1.2.840.113549.2.5"] = "MD5",
        ["1.2.840.113549.2.4"] = "MD4",
        ["1.2.840.113549.2.2"] = "MD2",
    };

    /// <summary>The broken hash the signature uses, or null when it uses none of them.</summary>
    /// <exception cref="FormatException">The algorithm is RSASSA-PSS and the DER cannot be read.</exception>
    public static string? BrokenHashOf(CertificateEvidence cert)
    {
        ArgumentNullException.ThrowIfNull(cert);
        if (BrokenSignatures.TryGetValue(cert.SignatureAlgorithmOid, out var hash))
        {
            return hash;
        }
        if (cert.SignatureAlgorithmOid != RsaPss)
        {
            return null;
        }
        var pssHash = PssHashOid(Convert.FromBase64String(cert.DerBase64));
        return BrokenHashes.GetValueOrDefault(pssHash);
    }

    /// <summary>The hash OID in the RSASSA-PSS parameters of the certificate's outer signatureAlgorithm.</summary>
    private static string PssHashOid(byte[] der)
    {
        const string sha1 = "1.3.14.3.2.26";
        try
        {
            var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            certificate.ReadEncodedValue(); // tbsCertificate
            var algorithm = certificate.ReadSequence();
            if (algorithm.ReadObjectIdentifier() != RsaPss)
            {
                throw new FormatException("the outer signatureAlgorithm is not RSASSA-PSS");
            }
            if (!algorithm.HasData)
            {
                return sha1;
            }
            var parameters = algorithm.ReadSequence();
            var hashTag = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            if (!parameters.HasData || !parameters.PeekTag().HasSameClassAndValue(hashTag))
            {
                return sha1;
            }
            return parameters.ReadSequence(hashTag).ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException e)
        {
            throw new FormatException("the certificate's DER cannot be read: " + e.Message, e);
        }
    }
}
