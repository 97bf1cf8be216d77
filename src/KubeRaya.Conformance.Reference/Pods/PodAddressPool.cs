using System.Net;
using KubeRaya.Conformance.Reference.Network;

namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>
/// Hands out pod IPs from 127.244.0.0/16, starting at a random offset (so two platform instances on one host rarely
/// pick the same address for a host-side pods-exposed relay) and never reusing an address still held.
/// </summary>
internal sealed class PodAddressPool
{
    private const uint Size = 1u << 16;
    private readonly HashSet<uint> held = [];
    private uint next;

    public PodAddressPool(Random random) => next = (uint)random.Next(2, (int)Size - 2);

    /// <summary>A free pod IP.</summary>
    public IPAddress Allocate()
    {
        lock (held)
        {
            for (uint tried = 0; tried < Size; tried++)
            {
                var offset = next;
                next = next + 1 >= Size - 1 ? 2 : next + 1;
                if (!held.Add(offset)) continue;
                return Ipv4Prefix.Pods.At(offset);
            }
        }

        throw new InvalidOperationException("All 65534 pod addresses of 127.244.0.0/16 are in use.");
    }

    /// <summary>Returns a pod IP to the pool.</summary>
    public void Release(IPAddress address)
    {
        if (!Ipv4Prefix.Pods.Contains(address)) return;
        lock (held) held.Remove(Ipv4Prefix.ToBits(address) - Ipv4Prefix.Pods.Bits);
    }
}
