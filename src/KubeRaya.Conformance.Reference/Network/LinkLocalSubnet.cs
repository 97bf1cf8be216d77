using System.Net;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>
/// The /30 that joins one platform instance's network namespace to the host: the host end is .1, the namespace
/// end (the ingress address) is .2. Chosen at random from 169.254.0.0/16, never from 169.254.169.0/24 (cloud
/// metadata) nor from the first and last /24 that RFC 3927 reserves, and never overlapping an address or a
/// specific route the host already has.
/// </summary>
/// <param name="Prefix">The /30.</param>
public sealed record LinkLocalSubnet(Ipv4Prefix Prefix)
{
    private static readonly Ipv4Prefix[] Excluded =
    [
        Ipv4Prefix.Parse("169.254.0.0/24"),
        Ipv4Prefix.Parse("169.254.169.0/24"),
        Ipv4Prefix.Parse("169.254.255.0/24"),
    ];

    /// <summary>The host end of the link.</summary>
    public IPAddress HostAddress => Prefix.At(1);

    /// <summary>The namespace end of the link: the ingress address.</summary>
    public IPAddress NamespaceAddress => Prefix.At(2);

    /// <summary>
    /// Picks a /30 at random that overlaps none of <paramref name="inUse"/>. Routes broader than /17 (such as a
    /// 169.254.0.0/16 on some hosts) are no conflict: the more specific /30 wins for its four addresses only.
    /// </summary>
    public static LinkLocalSubnet Choose(IEnumerable<Ipv4Prefix> inUse, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var conflicts = inUse.Where(p => p.Length >= 17 && p.Overlaps(Ipv4Prefix.LinkLocal)).ToList();
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var block = (uint)random.Next(0, 1 << 14);
            var candidate = new Ipv4Prefix(Ipv4Prefix.LinkLocal.Bits | (block << 2), 30);
            if (Excluded.Any(candidate.Overlaps) || conflicts.Any(candidate.Overlaps)) continue;
            return new LinkLocalSubnet(candidate);
        }

        throw new InvalidOperationException("No unused /30 is left in 169.254.0.0/16 on this host.");
    }

    /// <inheritdoc />
    public override string ToString() => Prefix.ToString();
}
