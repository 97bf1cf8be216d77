using System.Collections.Concurrent;

namespace KubeRaya.Conformance.Checks;

/// <summary>Runs each keyed observation once per run, however many scenarios ask for it, concurrently with others.</summary>
public sealed class Memo
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _observations = new(StringComparer.Ordinal);

    /// <summary>The observation for a key, made on first request.</summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> observe) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(observe);
        var lazy = _observations.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await observe().ConfigureAwait(false)));
        return (T)await lazy.Value.ConfigureAwait(false);
    }
}
