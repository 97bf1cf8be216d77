using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>An IPv4 prefix such as 169.254.12.4/30, with the overlap arithmetic the address choices need.</summary>
/// <param name="Bits">The network address as a 32-bit number (host bits zero).</param>
/// <param name="Length">The prefix length, 0 to 32.</param>
public readonly record struct Ipv4Prefix(uint Bits, int Length)
{
    /// <summary>169.254.0.0/16, link-local (RFC 3927).</summary>
    public static Ipv4Prefix LinkLocal { get; } = Parse("169.254.0.0/16");

    /// <summary>127.0.0.0/8, loopback.</summary>
    public static Ipv4Prefix Loopback { get; } = Parse("127.0.0.0/8");

    /// <summary>Pod addresses of the reference platform, on the namespace's loopback.</summary>
    public static Ipv4Prefix Pods { get; } = Parse("127.244.0.0/16");

    /// <summary>ClusterIPs assigned by the reference API server, on the namespace's loopback.</summary>
    public static Ipv4Prefix ClusterIps { get; } = Parse("127.96.0.0/16");

    /// <summary>The mask of this prefix length.</summary>
    public uint Mask => Length == 0 ? 0u : uint.MaxValue << (32 - Length);

    /// <summary>The network address.</summary>
    public IPAddress Network => ToAddress(Bits);

    /// <summary>Parses "a.b.c.d/n" or a bare address (a /32).</summary>
    public static Ipv4Prefix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(slash < 0 ? text : text[..slash]);
        var length = slash < 0 ? 32 : int.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture);
        return Of(address, length);
    }

    /// <summary>The prefix of <paramref name="length"/> bits that contains <paramref name="address"/>.</summary>
    public static Ipv4Prefix Of(IPAddress address, int length)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork) throw new ArgumentException($"{address} is not IPv4.", nameof(address));
        if (length is < 0 or > 32) throw new ArgumentOutOfRangeException(nameof(length));
        var prefix = new Ipv4Prefix(0, length);
        return prefix with { Bits = ToBits(address) & prefix.Mask };
    }

    /// <summary>True when the address lies in this prefix.</summary>
    public bool Contains(IPAddress address) =>
        address is not null && address.AddressFamily == AddressFamily.InterNetwork && (ToBits(address) & Mask) == Bits;

    /// <summary>True when the two prefixes share at least one address.</summary>
    public bool Overlaps(Ipv4Prefix other)
    {
        var shorter = Math.Min(Length, other.Length);
        var mask = shorter == 0 ? 0u : uint.MaxValue << (32 - shorter);
        return (Bits & mask) == (other.Bits & mask);
    }

    /// <summary>The address at <paramref name="offset"/> from the network address.</summary>
    public IPAddress At(uint offset) => ToAddress(Bits + offset);

    /// <inheritdoc />
    public override string ToString() => $"{Network}/{Length}";

    internal static uint ToBits(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    internal static IPAddress ToAddress(uint bits)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, bits);
        return new IPAddress(bytes);
    }
}
