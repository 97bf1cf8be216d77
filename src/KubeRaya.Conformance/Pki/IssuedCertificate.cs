using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace KubeRaya.Conformance.Pki;

/// <summary>
/// A leaf issued by a <see cref="CertificateAuthority"/>, with its private key and the intermediates above it.
/// Disposing it forgets the key and deletes every key file written through <see cref="WriteFiles"/>.
/// </summary>
public sealed class IssuedCertificate : IDisposable
{
    private readonly AsymmetricAlgorithm key;
    private readonly List<KeyFiles> written = [];
    private bool disposed;

    internal IssuedCertificate(X509Certificate2 leaf, AsymmetricAlgorithm key, IReadOnlyList<X509Certificate2> intermediates)
    {
        Leaf = leaf;
        this.key = key;
        Intermediates = intermediates;
    }

    /// <summary>The leaf, with its private key: usable as a server certificate by SslStream and Kestrel.</summary>
    public X509Certificate2 Leaf { get; }

    /// <summary>The chain above the leaf and below the root, nearest first; empty when a root issued the leaf.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>The leaf as PEM, followed by the intermediates unless <paramref name="includeIntermediates"/> is false.</summary>
    public string ChainPem(bool includeIntermediates = true)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var pem = new StringBuilder(Leaf.ExportCertificatePem()).Append('\n');
        foreach (var intermediate in includeIntermediates ? Intermediates : [])
        {
            pem.Append(intermediate.ExportCertificatePem()).Append('\n');
        }
        return pem.ToString();
    }

    /// <summary>The leaf's private key as unencrypted PKCS#8 PEM ("PRIVATE KEY"). Never log or report it.</summary>
    public string PrivateKeyPem()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    /// <summary>
    /// Writes <see cref="ChainPem"/> and <see cref="PrivateKeyPem"/> to two new files of mode 0600 in
    /// <paramref name="directory"/> (created if missing). The files are deleted when the result, or this
    /// certificate, is disposed.
    /// </summary>
    public KeyFiles WriteFiles(string directory, bool includeIntermediates = true)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var files = KeyFiles.Write(directory, ChainPem(includeIntermediates), PrivateKeyPem());
        written.Add(files);
        return files;
    }

    /// <summary>Deletes the key files written, forgets the key. Idempotent.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var files in written) files.Dispose();
        key.Dispose();
        Leaf.Dispose();
        foreach (var certificate in Intermediates) certificate.Dispose();
    }
}
