using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference.Network;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>Removing what crashed runs left behind.</summary>
public sealed partial class ReferenceDataPlane
{
    /// <summary>
    /// Removes every platform instance whose owner process is gone: kills the processes in its <c>kr-</c> namespace,
    /// deletes the namespace, its host link and its temp directory, and its owner record. Instances of live owners
    /// (this process's included) are left alone. Returns the ids removed.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SweepLeftoversAsync(CancellationToken cancellationToken)
    {
        var timeouts = Timeouts.FromEnvironment();
        var namespaces = (await NetworkNamespace.ListAsync(timeouts.Command, cancellationToken).ConfigureAwait(false))
            .Select(PlatformNetwork.IdOf)
            .OfType<string>();
        var links = await PlatformNetwork.HostLinkIdsAsync(timeouts.Command, cancellationToken).ConfigureAwait(false);
        var candidates = namespaces.Concat(links).Concat(InstanceRegistry.Ids()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var removed = new List<string>();
        foreach (var id in candidates)
        {
            var entry = InstanceRegistry.Read(id);
            if (entry?.Owner.IsAlive == true) continue;
            await PlatformNetwork.DestroyAsync(id, timeouts, cancellationToken).ConfigureAwait(false);
            if (entry is not null) PlatformDirectory.Delete(entry.Directory);
            PlatformDirectory.Delete(PlatformDirectory.PathFor(id));
            InstanceRegistry.Remove(id);
            removed.Add(id);
        }

        return removed;
    }

    /// <summary>Sweeps, turning a failure into a problem to report rather than a reason not to start.</summary>
    private static async Task<IReadOnlyList<string>> SweepQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var removed = await SweepLeftoversAsync(cancellationToken).ConfigureAwait(false);
            return [.. removed.Select(id => $"removed the leftovers of crashed platform instance {id}")];
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            return [$"sweeping leftovers of crashed runs failed: {e.Message}"];
        }
    }
}
