using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Echo;

/// <summary>
/// The certificates the echo presents when it terminates TLS itself (only on the reference platform's
/// tls-passthrough fault): for SNI <c>h</c>, the chain in <c>&lt;dir&gt;/h.crt</c> with the key in <c>&lt;dir&gt;/h.key</c>
/// when the platform mounted them (re-read when they change); otherwise a self-signed certificate of the pod's own.
/// </summary>
public sealed class PodCertificates
{
    private readonly string? directory;
    private readonly Lazy<SslStreamCertificateContext> own;
    private readonly ConcurrentDictionary<string, (DateTime Written, SslStreamCertificateContext Context)> mounted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the selector for <paramref name="podName"/>, reading mounted files from <paramref name="directory"/> when set.</summary>
    public PodCertificates(string podName, string? directory)
    {
        this.directory = directory;
        own = new Lazy<SslStreamCertificateContext>(() => SelfSigned(podName));
    }

    /// <summary>The certificate context for a handshake with the given SNI (null or empty when the client sent none).</summary>
    public SslStreamCertificateContext For(string? serverName)
    {
        if (directory is null || string.IsNullOrEmpty(serverName) || serverName.Contains('/', StringComparison.Ordinal) || serverName.Contains("..", StringComparison.Ordinal))
            return own.Value;
        var certificatePath = Path.Combine(directory, serverName + ".crt");
        var keyPath = Path.Combine(directory, serverName + ".key");
        if (!File.Exists(certificatePath) || !File.Exists(keyPath)) return own.Value;
        var written = File.GetLastWriteTimeUtc(certificatePath);
        if (mounted.TryGetValue(serverName, out var cached) && cached.Written == written) return cached.Context;
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(certificatePath);
        var leaf = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        var context = SslStreamCertificateContext.Create(leaf, new X509Certificate2Collection(chain.Skip(1).ToArray()), offline: true);
        mounted[serverName] = (written, context);
        return context;
    }

    private static SslStreamCertificateContext SelfSigned(string podName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={podName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(podName);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        return SslStreamCertificateContext.Create(certificate, null, offline: true);
    }
}
