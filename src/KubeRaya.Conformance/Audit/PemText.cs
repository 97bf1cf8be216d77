using System.Security.Cryptography;

namespace KubeRaya.Conformance.Audit;

/// <summary>Finds PEM blocks (<c>-----BEGIN LABEL-----</c> … <c>-----END LABEL-----</c>) in free text.</summary>
internal static class PemText
{
    /// <summary>The label of an X.509 certificate block.</summary>
    public const string CertificateLabel = "CERTIFICATE";

    /// <summary>One well-formed block: its label and decoded content.</summary>
    public sealed record Block(string Label, byte[] Der)
    {
        /// <summary>Whether the block is a private key of any format (PKCS#8, PKCS#1, SEC1, encrypted, OpenSSH).</summary>
        public bool IsPrivateKey => Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal);

        /// <summary>Whether the block is a certificate (plain, trusted or X509-labelled).</summary>
        public bool IsCertificate => Label is CertificateLabel or "TRUSTED CERTIFICATE" or "X509 CERTIFICATE";
    }

    /// <summary>Whether the text may hold PEM at all; cheap, for skipping the ordinary value.</summary>
    public static bool MayContainPem(string? text) =>
        text is not null && text.Contains("-----BEGIN ", StringComparison.Ordinal);

    /// <summary>Every well-formed block in the text, in order.</summary>
    public static IEnumerable<Block> Blocks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = 0;
        while (offset < text.Length && PemEncoding.TryFind(text.AsSpan(offset), out var fields))
        {
            var label = text.Substring(offset + fields.Label.Start.Value, fields.Label.End.Value - fields.Label.Start.Value);
            var data = new byte[fields.DecodedDataLength];
            if (Convert.TryFromBase64Chars(text.AsSpan(offset)[fields.Base64Data], data, out var written))
            {
                yield return new Block(label, data[..written]);
            }
            offset += fields.Location.End.Value;
        }
    }
}
