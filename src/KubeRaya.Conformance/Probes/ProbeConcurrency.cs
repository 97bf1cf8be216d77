namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Caps how many probe connections are open at once. Probing many hosts fans out into hundreds of
/// exchanges; on a small machine, opening them all at once makes the probes compete for CPU with each
/// other, and the time spent waiting for CPU would count against the server's connect, handshake and
/// request timeouts. A probe waits for a slot first (untimed), then its timeouts start.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "A SemaphoreSlim needs disposing only when its wait handle was used; this one's never is, and the shared cap lives as long as the process.")]
public sealed class ProbeConcurrency
{
    private readonly SemaphoreSlim _slots;

    /// <summary>Allows <paramref name="maxConnections"/> probe connections at once.</summary>
    public ProbeConcurrency(int maxConnections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        MaxConnections = maxConnections;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
    }

    /// <summary>The cap shared by probes that are given none: eight connections per processor, at least sixteen.</summary>
    public static ProbeConcurrency Shared { get; } = new(Math.Max(16, Environment.ProcessorCount * 8));

    /// <summary>The cap.</summary>
    public int MaxConnections { get; }

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    internal async Task<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    /// <summary>One held slot.</summary>
    internal sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
