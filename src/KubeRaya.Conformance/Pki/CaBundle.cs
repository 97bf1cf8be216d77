using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Pki;

/// <summary>
/// Reads the CA bundle that probes trust (and nothing else): one or more PEM certificates.
/// Anything that would leave a probe trusting less, or other, than the operator meant is an error.
/// </summary>
public static class CaBundle
{
    private const string Begin = "-----BEGIN CERTIFICATE-----";

    /// <summary>Loads every certificate of the PEM file at <paramref name="path"/>.</summary>
    /// <exception cref="CaBundleException">The file cannot be read, holds no PEM certificate, or a certificate block is broken.</exception>
    public static X509Certificate2Collection Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CaBundleException(
                $"CA bundle '{path}' cannot be read ({e.Message.TrimEnd('.')}); pass the path of a readable PEM file of CA certificates.", e);
        }
        return Parse(pem, $"CA bundle '{path}'");
    }

    /// <summary>Loads every certificate of <paramref name="pem"/>.</summary>
    /// <exception cref="CaBundleException">The text holds no PEM certificate, or a certificate block is broken.</exception>
    public static X509Certificate2Collection FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        return Parse(pem, "The CA bundle");
    }

    private static X509Certificate2Collection Parse(string pem, string source)
    {
        if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new CaBundleException($"{source} contains a private key; a CA bundle must hold CA certificates only: remove the key and rotate it.");
        }

        var bundle = new X509Certificate2Collection();
        var at = pem.IndexOf(Begin, StringComparison.Ordinal);
        while (at >= 0)
        {
            var number = bundle.Count + 1;
            if (!PemEncoding.TryFind(pem.AsSpan(at), out var fields) || fields.Location.Start.Value != 0)
            {
                throw new CaBundleException($"{source}: certificate block #{number} is not well-formed PEM (bad base64 or no END line); replace it with the CA's PEM certificate.");
            }
            var block = pem.AsSpan(at)[fields.Location];
            var der = Convert.FromBase64String(block[fields.Base64Data].ToString());
            try
            {
                bundle.Add(X509CertificateLoader.LoadCertificate(der));
            }
            catch (CryptographicException e)
            {
                throw new CaBundleException($"{source}: certificate block #{number} does not parse as an X.509 certificate ({e.Message.TrimEnd('.')}); replace it with the CA's PEM certificate.", e);
            }
            at = pem.IndexOf(Begin, at + fields.Location.End.Value, StringComparison.Ordinal);
        }

        if (bundle.Count == 0)
        {
            throw new CaBundleException($"{source} contains no PEM 'BEGIN CERTIFICATE' block; give a PEM file (DER converts with: openssl x509 -inform der -in FILE -out FILE.pem).");
        }
        return bundle;
    }
}
