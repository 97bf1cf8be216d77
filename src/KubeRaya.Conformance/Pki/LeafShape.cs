using System.Net;
using System.Security.Cryptography;

namespace KubeRaya.Conformance.Pki;

/// <summary>Everything that distinguishes one leaf profile from another, as data.</summary>
internal sealed record LeafShape
{
    /// <summary>The name that <see cref="LeafProfile.WrongHost"/> certificates carry instead of the host.</summary>
    public const string WrongHostName = "wrong-host.invalid";

    /// <summary>serverAuth.</summary>
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>clientAuth.</summary>
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>The key a leaf gets.</summary>
    public enum KeyKind { EcP256, Rsa1024, Rsa2048 }

    public required string CommonName { get; init; }
    public required IReadOnlyList<string> DnsNames { get; init; }
    public IReadOnlyList<IPAddress> IpAddresses { get; init; } = [];
    public required DateTimeOffset NotBefore { get; init; }
    public required DateTimeOffset NotAfter { get; init; }
    public KeyKind Key { get; init; } = KeyKind.EcP256;
    public HashAlgorithmName SignatureHash { get; init; } = HashAlgorithmName.SHA256;
    public bool IsCertificateAuthority { get; init; }
    public string ExtendedKeyUsageOid { get; init; } = ServerAuthOid;

    /// <summary>The shape of <paramref name="profile"/> for <paramref name="hosts"/> at <paramref name="now"/>.</summary>
    public static LeafShape For(LeafProfile profile, IReadOnlyList<string> hosts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (hosts.Count == 0 || hosts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A leaf needs at least one host, and no host may be blank.", nameof(hosts));
        }

        var notBefore = now - TimeSpan.FromMinutes(5);
        var valid = new LeafShape
        {
            CommonName = hosts[0],
            DnsNames = hosts,
            NotBefore = notBefore,
            NotAfter = notBefore + TimeSpan.FromDays(90),
        };
        return profile switch
        {
            LeafProfile.Valid => valid,
            LeafProfile.Expired => valid with { NotBefore = now - TimeSpan.FromDays(91), NotAfter = now - TimeSpan.FromDays(1) },
            LeafProfile.NotYetValid => valid with { NotBefore = now + TimeSpan.FromDays(1), NotAfter = now + TimeSpan.FromDays(91) },
            LeafProfile.WrongHost => valid with { CommonName = WrongHostName, DnsNames = [WrongHostName] },
            LeafProfile.CommonNameOnly => valid with { DnsNames = [] },
            LeafProfile.Wildcard => valid with { CommonName = WildcardOver(hosts[0]), DnsNames = [WildcardOver(hosts[0])] },
            LeafProfile.IpOnlySan => valid with { DnsNames = [], IpAddresses = [IPAddress.Loopback] },
            LeafProfile.Rsa1024 => valid with { Key = KeyKind.Rsa1024 },
            LeafProfile.Sha1Signed => valid with { Key = KeyKind.Rsa2048, SignatureHash = HashAlgorithmName.SHA1 },
            LeafProfile.CaTrueLeaf => valid with { IsCertificateAuthority = true },
            LeafProfile.ClientAuthOnly => valid with { ExtendedKeyUsageOid = ClientAuthOid },
            LeafProfile.OverLongLifetime => valid with { NotAfter = notBefore + TimeSpan.FromDays(825) },
            LeafProfile.ExpiringSoon => valid with { NotBefore = now - TimeSpan.FromDays(80), NotAfter = now + TimeSpan.FromDays(10) },
            LeafProfile.Rsa2048 => valid with { Key = KeyKind.Rsa2048 },
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown leaf profile."),
        };
    }

    /// <summary>Creates a fresh key of <see cref="Key"/>'s kind.</summary>
    public AsymmetricAlgorithm CreateKey() => Key switch
    {
        KeyKind.Rsa1024 => RSA.Create(1024),
        KeyKind.Rsa2048 => RSA.Create(2048),
        _ => ECDsa.Create(ECCurve.NamedCurves.nistP256),
    };

    private static string WildcardOver(string host)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        var parent = dot < 0 ? "" : host[(dot + 1)..];
        if (!parent.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"A wildcard leaf covers the parent domain of its first host, so that host needs at least three labels (e.g. app.example.test); got '{host}'.",
                nameof(host));
        }
        return "*." + parent;
    }
}
