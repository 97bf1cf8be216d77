using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using KubeRaya.Conformance.Reference.Network;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// Turns TLS Secrets into files nginx can load, like ingress-nginx: the Secret must hold <c>tls.crt</c> and
/// <c>tls.key</c> that parse and match; otherwise the host is served with the default certificate and the problem
/// is recorded. Each Secret's content becomes one 0600 file holding chain and key together, named after the Secret
/// and a digest of that content, and nginx loads it at every handshake (see <see cref="NginxConfigRenderer"/>). nginx
/// opens a certificate file and its key file separately, so a file replaced in place could give one handshake the new
/// certificate with the old key (a fatal internal_error alert, seen about once in a hundred runs): a rotation
/// therefore writes a new file and changes the configuration, and nginx's graceful reload moves new connections to it.
/// Files neither the current nor the previous configuration uses are removed. Under the secret-updates-ignored fault
/// the first content seen for each Secret is kept for good.
/// </summary>
internal sealed class TlsSecretStore
{
    private readonly PlatformDirectory directory;
    private readonly string folder;
    private readonly bool ignoreUpdates;
    private readonly Dictionary<string, (string Chain, string Key)> pinned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> problems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> written = new(StringComparer.Ordinal);
    private HashSet<string> previouslyInUse = new(StringComparer.Ordinal);

    public TlsSecretStore(PlatformDirectory directory, bool ignoreUpdates)
    {
        this.directory = directory;
        this.ignoreUpdates = ignoreUpdates;
        folder = directory.Subdirectory("tls");
        var (certificate, key) = DefaultCertificate.Create();
        Default = Write("default", certificate, key);
    }

    /// <summary>The controller's default certificate.</summary>
    public TlsMaterial Default { get; }

    /// <summary>Why Secrets could not be used, by <c>namespace/name</c>, as of the last lookups.</summary>
    public IReadOnlyDictionary<string, string> Problems => problems;

    /// <summary>The material of the named Secret, or null (with a recorded problem) when it is missing or unusable.</summary>
    public TlsMaterial? Get(IReadOnlyDictionary<string, V1Secret> secrets, string ns, string name)
    {
        var source = ns + "/" + name;
        problems.Remove(source);
        if (!secrets.TryGetValue(source, out var secret))
        {
            problems[source] = "the Secret does not exist";
            return null;
        }

        var chain = SecretText(secret, "tls.crt");
        var key = SecretText(secret, "tls.key");
        if (chain is null || key is null)
        {
            problems[source] = "the Secret has no tls.crt or no tls.key";
            return null;
        }

        if (ignoreUpdates)
        {
            if (pinned.TryGetValue(source, out var first)) (chain, key) = first;
            else pinned[source] = (chain, key);
        }

        try
        {
            using var pair = X509Certificate2.CreateFromPem(chain, key);
        }
        catch (CryptographicException e)
        {
            problems[source] = "tls.crt and tls.key do not form a usable certificate and key: " + e.Message;
            return null;
        }

        return Write(source, chain, key);
    }

    /// <summary>The text of a Secret key, from data (bytes) or stringData.</summary>
    public static string? SecretText(V1Secret secret, string key)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Data?.TryGetValue(key, out var bytes) == true && bytes is { Length: > 0 }) return Encoding.UTF8.GetString(bytes);
        return secret.StringData?.TryGetValue(key, out var text) == true && !string.IsNullOrEmpty(text) ? text : null;
    }

    /// <summary>Deletes certificate and key files no longer used by <paramref name="inUse"/> (the default always stays).</summary>
    public void Prune(IEnumerable<TlsMaterial> inUse)
    {
        var current = inUse.Append(Default).SelectMany(m => new[] { m.CertificatePath, m.KeyPath }).ToHashSet(StringComparer.Ordinal);
        // A connection an old worker accepted just before the reload may still be in its handshake.
        var keep = current.Union(previouslyInUse).ToHashSet(StringComparer.Ordinal);
        previouslyInUse = current;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !keep.Contains(f)))
        {
            File.Delete(file);
            written.Remove(file);
        }
    }

    private TlsMaterial Write(string source, string chain, string key)
    {
        var content = chain.TrimEnd() + "\n" + key.TrimEnd() + "\n";
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16].ToLowerInvariant();
        var name = NginxName.Of(source) + "-" + digest + ".pem";
        var path = Path.Combine(folder, name);
        if (!written.TryGetValue(path, out var last) || last != content)
        {
            directory.WriteFile(Path.Combine("tls", name), content);
            written[path] = content;
        }

        using var leaf = X509Certificate2.CreateFromPem(chain);
        return new TlsMaterial(source, path, path, leaf.GetCertHashString(HashAlgorithmName.SHA256), chain);
    }
}
