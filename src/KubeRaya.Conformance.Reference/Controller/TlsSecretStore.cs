using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using KubeRaya.Conformance.Reference.Network;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// Turns TLS Secrets into files nginx can load, like ingress-nginx: the Secret must hold <c>tls.crt</c> and
/// <c>tls.key</c> that parse and match; otherwise the host is served with the default certificate and the problem
/// is recorded. Each Secret becomes one 0600 file holding chain and key together, at a path that stays the same
/// for the Secret, replaced atomically (written aside, renamed) when the content changes: nginx loads it at every
/// handshake (see <see cref="NginxConfigRenderer"/>), so a rotation needs no reload, as ingress-nginx serves its
/// certificates dynamically too, and no handshake ever sees a new certificate with an old key. Files no
/// configuration uses are removed. Under the secret-updates-ignored fault the first content seen for each Secret is
/// kept for good.
/// </summary>
internal sealed class TlsSecretStore
{
    private readonly PlatformDirectory directory;
    private readonly string folder;
    private readonly bool ignoreUpdates;
    private readonly Dictionary<string, (string Chain, string Key)> pinned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> problems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> written = new(StringComparer.Ordinal);

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
        var keep = inUse.Append(Default).SelectMany(m => new[] { m.CertificatePath, m.KeyPath }).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !keep.Contains(f)))
        {
            File.Delete(file);
            written.Remove(file);
        }
    }

    private TlsMaterial Write(string source, string chain, string key)
    {
        var name = NginxName.Of(source) + ".pem";
        var path = Path.Combine(folder, name);
        var content = chain.TrimEnd() + "\n" + key.TrimEnd() + "\n";
        if (!written.TryGetValue(path, out var last) || last != content)
        {
            directory.WriteFile(Path.Combine("tls", name), content);
            written[path] = content;
        }

        using var leaf = X509Certificate2.CreateFromPem(chain);
        return new TlsMaterial(source, path, path, leaf.GetCertHashString(HashAlgorithmName.SHA256), chain);
    }
}
