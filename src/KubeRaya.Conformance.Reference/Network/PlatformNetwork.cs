using System.Net;
using System.Security.Cryptography;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>
/// The network of one platform instance: a namespace <c>kr-&lt;id&gt;</c> with its loopback up, and a veth pair whose
/// host end <c>kr-&lt;id&gt;</c> and namespace end <c>eth0</c> share a random link-local /30. The namespace has no
/// default route, so nothing started inside it can reach any address but its own and the host end of the link.
/// </summary>
public sealed class PlatformNetwork
{
    /// <summary>The prefix of every namespace and host link name this platform creates.</summary>
    public const string NamePrefix = "kr-";

    /// <summary>The name of the namespace end of the veth pair.</summary>
    public const string NamespaceLinkName = "eth0";

    private readonly Timeouts timeouts;

    private PlatformNetwork(string id, NetworkNamespace ns, LinkLocalSubnet subnet, Timeouts timeouts)
    {
        Id = id;
        Namespace = ns;
        Subnet = subnet;
        this.timeouts = timeouts;
    }

    /// <summary>The random id shared by the namespace, the host link and the temp dir.</summary>
    public string Id { get; }

    /// <summary>The network namespace.</summary>
    public NetworkNamespace Namespace { get; }

    /// <summary>The /30 of the veth pair.</summary>
    public LinkLocalSubnet Subnet { get; }

    /// <summary>The namespace end of the veth pair, where nginx listens on 80 and 443: the ingress address.</summary>
    public IPAddress IngressAddress => Subnet.NamespaceAddress;

    /// <summary>The name of the host end of the veth pair.</summary>
    public string HostLinkName => NamePrefix + Id;

    /// <summary>A fresh random id (8 hex digits, so that <c>kr-&lt;id&gt;</c> fits the 15-character interface name limit).</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>Creates the namespace and the veth pair. On failure, whatever was made is removed again.</summary>
    public static async Task<PlatformNetwork> CreateAsync(string id, Timeouts timeouts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        var name = NamePrefix + id;
        try
        {
            var ns = await NetworkNamespace.CreateAsync(name, timeouts, cancellationToken).ConfigureAwait(false);
            var subnet = LinkLocalSubnet.Choose(await HostAddressing.InUseAsync(timeouts.Command, cancellationToken).ConfigureAwait(false), Random.Shared);
            var network = new PlatformNetwork(id, ns, subnet, timeouts);
            await network.CreateLinkAsync(cancellationToken).ConfigureAwait(false);
            return network;
        }
        catch
        {
            await DestroyAsync(id, timeouts, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task CreateLinkAsync(CancellationToken cancellationToken)
    {
        await IpAsync(cancellationToken, "link", "add", HostLinkName, "type", "veth", "peer", "name", NamespaceLinkName, "netns", Namespace.Name).ConfigureAwait(false);
        await IpAsync(cancellationToken, "addr", "add", $"{Subnet.HostAddress}/30", "dev", HostLinkName).ConfigureAwait(false);
        await IpAsync(cancellationToken, "link", "set", HostLinkName, "up").ConfigureAwait(false);
        await Namespace.IpAsync(cancellationToken, "addr", "add", $"{Subnet.NamespaceAddress}/30", "dev", NamespaceLinkName).ConfigureAwait(false);
        await Namespace.IpAsync(cancellationToken, "link", "set", NamespaceLinkName, "up").ConfigureAwait(false);
    }

    private async Task IpAsync(CancellationToken cancellationToken, params string[] arguments) =>
        (await HostCommand.IpAsync(timeouts.Command, cancellationToken, arguments).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>Kills what runs inside, deletes the namespace and the host link. Idempotent.</summary>
    public Task DestroyAsync(CancellationToken cancellationToken) => DestroyAsync(Id, timeouts, cancellationToken);

    /// <summary>Kills what runs inside the namespace of <paramref name="id"/>, deletes it and its host link. Idempotent.</summary>
    internal static async Task DestroyAsync(string id, Timeouts timeouts, CancellationToken cancellationToken)
    {
        await NetworkNamespace.DestroyAsync(NamePrefix + id, timeouts, cancellationToken).ConfigureAwait(false);
        // Deleting the namespace takes the host end of the veth with it, asynchronously: absent either way is done.
        var link = await HostCommand.IpAsync(timeouts.Command, cancellationToken, "link", "del", NamePrefix + id).ConfigureAwait(false);
        // "Cannot find device" when it is gone already, "No such device" when it went while ip was deleting it.
        if (!link.Succeeded && !link.Error.Contains("Cannot find device", StringComparison.Ordinal) && !link.Error.Contains("No such device", StringComparison.Ordinal))
            link.EnsureSuccess();
    }

    /// <summary>The names of host links that look like ours (<c>kr-</c> followed by 8 hex digits).</summary>
    internal static async Task<IReadOnlyList<string>> HostLinkIdsAsync(NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var result = (await HostCommand.IpAsync(timeout, cancellationToken, "-o", "link", "show").ConfigureAwait(false)).EnsureSuccess();
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 3))
            .Where(parts => parts.Length == 3)
            .Select(parts => parts[1].Trim().Split('@')[0])
            .Select(IdOf)
            .OfType<string>()];
    }

    /// <summary>The id in a namespace or link name such as kr-1a2b3c4d, or null when the name is not ours.</summary>
    internal static string? IdOf(string name) =>
        name.Length == NamePrefix.Length + 8 && name.StartsWith(NamePrefix, StringComparison.Ordinal) && name[NamePrefix.Length..].All(Uri.IsHexDigit)
            ? name[NamePrefix.Length..]
            : null;
}
