using System.Buffers.Binary;
using System.Net;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// The address and port ranges the reference API server allocates Services from: cluster IPs from
/// <c>127.96.0.0/16</c> (a loopback range, so nothing ever leaves the machine) and node ports from 30000–32767,
/// chosen at random among the free ones as a real API server does.
/// </summary>
public static class ServiceAddresses
{
    /// <summary>The Service cluster IP range, in CIDR form.</summary>
    public const string ClusterIPRange = "127.96.0.0/16";

    /// <summary>The lowest node port.</summary>
    public const int NodePortMin = 30000;

    /// <summary>The highest node port.</summary>
    public const int NodePortMax = 32767;

    private static readonly IPNetwork Range = IPNetwork.Parse(ClusterIPRange);
    private static readonly uint First = BinaryPrimitives.ReadUInt32BigEndian(Range.BaseAddress.GetAddressBytes()) + 1;
    private static readonly uint Last = First + (uint)(1 << (32 - Range.PrefixLength)) - 3;

    /// <summary>True when the address is a usable host address of <see cref="ClusterIPRange"/> (not its network or broadcast address).</summary>
    public static bool InClusterIPRange(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return false;
        var value = BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());
        return value >= First && value <= Last;
    }

    /// <summary>A random free cluster IP, or null when the range is full.</summary>
    internal static string? AllocateClusterIP(IReadOnlySet<string> used)
    {
        var size = Last - First + 1;
        var start = (uint)Random.Shared.NextInt64(size);
        for (uint i = 0; i < size; i++)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, First + ((start + i) % size));
            var candidate = new IPAddress(bytes).ToString();
            if (!used.Contains(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>A random free node port, or null when the range is full.</summary>
    internal static int? AllocateNodePort(IReadOnlySet<int> used)
    {
        const int size = NodePortMax - NodePortMin + 1;
        var start = Random.Shared.Next(size);
        for (var i = 0; i < size; i++)
        {
            var candidate = NodePortMin + ((start + i) % size);
            if (!used.Contains(candidate)) return candidate;
        }

        return null;
    }
}
