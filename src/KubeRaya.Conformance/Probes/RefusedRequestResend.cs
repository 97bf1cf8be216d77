namespace KubeRaya.Conformance.Probes;

/// <summary>
/// The one resend a probe makes, as every HTTP/2 client does: when the server refused the request gracefully before
/// processing it (see <see cref="Http2GracefulRefusal"/>), the attempt is made once more on a new connection, and the
/// result is that second attempt's, with what the first one got. Nothing else is ever attempted again.
/// </summary>
internal static class RefusedRequestResend
{
    /// <summary>Makes <paramref name="attempt"/>, and once more when it reports a graceful refusal.</summary>
    /// <returns>The last attempt's result, and the first attempt's refusal when there was a second attempt.</returns>
    public static async Task<(T Result, string? FirstRefusal)> RunAsync<T>(Func<Task<(T Result, string? Refusal)>> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var first = await attempt().ConfigureAwait(false);
        if (first.Refusal is null) return (first.Result, null);
        var again = await attempt().ConfigureAwait(false);
        return (again.Result, first.Refusal);
    }
}
