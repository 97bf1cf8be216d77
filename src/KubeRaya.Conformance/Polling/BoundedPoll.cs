using System.Diagnostics;

namespace KubeRaya.Conformance.Polling;

/// <summary>The outcome of a bounded poll: the last observation and whether the condition held.</summary>
/// <typeparam name="T">The observation type.</typeparam>
/// <param name="Satisfied">True when the condition held the required number of consecutive times.</param>
/// <param name="Last">The last observation (default when none was made).</param>
/// <param name="Attempts">How many observations were made.</param>
/// <param name="Elapsed">How long the poll took.</param>
/// <param name="Timeout">The bound that applied.</param>
public sealed record PollResult<T>(bool Satisfied, T? Last, int Attempts, TimeSpan Elapsed, NamedTimeout Timeout);

/// <summary>
/// The one way the harness waits: observe, check, pause, until a named timeout. Convergence waits may
/// require several consecutive successes; verdicts are never retried.
/// </summary>
public static class BoundedPoll
{
    /// <summary>Default pause between observations.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <paramref name="observe"/> until <paramref name="condition"/> holds
    /// <paramref name="consecutive"/> times in a row, or the timeout passes.</summary>
    /// <remarks>An exception thrown by <paramref name="observe"/> counts as a failed observation and resets the streak;
    /// cancellation through <paramref name="cancellationToken"/> is passed on.</remarks>
    public static async Task<PollResult<T>> UntilAsync<T>(
        Func<CancellationToken, Task<T>> observe,
        Func<T, bool> condition,
        NamedTimeout timeout,
        CancellationToken cancellationToken,
        int consecutive = 1,
        TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(observe);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(timeout);
        var pause = interval ?? DefaultInterval;
        var clock = Stopwatch.StartNew();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout.Value);
        T? last = default;
        var attempts = 0;
        var streak = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            attempts++;
            try
            {
                last = await observe(bound.Token).ConfigureAwait(false);
                streak = condition(last) ? streak + 1 : 0;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                streak = 0;
            }

            if (streak >= consecutive) return new PollResult<T>(true, last, attempts, clock.Elapsed, timeout);
            if (clock.Elapsed + pause >= timeout.Value) return new PollResult<T>(false, last, attempts, clock.Elapsed, timeout);
            try
            {
                await Task.Delay(pause, bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new PollResult<T>(false, last, attempts, clock.Elapsed, timeout);
            }
        }
    }
}
