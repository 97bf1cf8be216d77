using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using KubeRaya.Conformance.Reference.Network;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// Writes basic-auth Secrets as htpasswd files (0600) for nginx's auth_basic_user_file, like ingress-nginx: key
/// <c>auth</c> holds the whole file (auth-secret-type auth-file, the default), or each key is a user and its value
/// the hash (auth-map). Files are named by content hash and removed when unused.
/// </summary>
internal sealed class AuthFileStore
{
    private readonly PlatformDirectory directory;
    private readonly string folder;

    public AuthFileStore(PlatformDirectory directory)
    {
        this.directory = directory;
        folder = directory.Subdirectory("auth");
    }

    /// <summary>The htpasswd file for the Secret, or null when it is missing or holds no users.</summary>
    public string? Get(IReadOnlyDictionary<string, V1Secret> secrets, string ns, string name, bool isMap)
    {
        if (!secrets.TryGetValue(ns + "/" + name, out var secret)) return null;
        string? content;
        if (isMap)
        {
            var keys = (secret.Data?.Keys ?? []).Concat(secret.StringData?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var lines = keys.Select(user => (user, hash: TlsSecretStore.SecretText(secret, user)?.Trim())).Where(x => !string.IsNullOrEmpty(x.hash)).Select(x => $"{x.user}:{x.hash}");
            content = string.Join('\n', lines);
        }
        else
        {
            content = TlsSecretStore.SecretText(secret, "auth");
        }

        if (string.IsNullOrWhiteSpace(content)) return null;
        var stem = NginxName.Of(ns, name) + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16] + ".passwd";
        var path = Path.Combine(folder, stem);
        if (!File.Exists(path)) directory.WriteFile(Path.Combine("auth", stem), content.TrimEnd() + "\n");
        return path;
    }

    /// <summary>Deletes htpasswd files not in <paramref name="inUse"/>.</summary>
    public void Prune(IEnumerable<string> inUse)
    {
        var keep = inUse.ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !keep.Contains(f))) File.Delete(file);
    }
}
