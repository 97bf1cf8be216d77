using System.Security.Cryptography.X509Certificates;

namespace KubeRaya.Conformance.Tests.Pki;

/// <summary>Builds a chain the way probes do: the given root only, no system roots, no revocation.</summary>
internal static class TrustedChain
{
    public static (bool Valid, string Status) Build(
        X509Certificate2 leaf, X509Certificate2 root, IEnumerable<X509Certificate2> extra, DateTimeOffset? at = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ExtraStore.AddRange(extra.ToArray());
        chain.ChainPolicy.VerificationTime = (at ?? DateTimeOffset.UtcNow).UtcDateTime;
        var valid = chain.Build(leaf);
        var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status));
        return (valid, status);
    }
}
