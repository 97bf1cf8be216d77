using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Sends exactly one HTTP request over a connection the probe already opened (plain, or an SslStream
/// it authenticated itself, which the HTTP client then uses as it is), so that the address, SNI and Host are the probe's choice and nothing else's.
/// HTTP/1.1, or HTTP/2 when the TLS handshake selected "h2". No redirect is followed, no proxy,
/// no cookies, no compression, no tracing headers; headers and body are read only up to their bounds.
/// </summary>
internal static class HttpOverConnection
{
    private const string UserAgent = "KubeRaya.Conformance-probe";

    /// <summary>What to send.</summary>
    /// <param name="Method">e.g. GET.</param>
    /// <param name="Host">The Host header (or :authority) value, exactly.</param>
    /// <param name="PathAndQuery">Begins with "/".</param>
    /// <param name="Headers">Extra request headers.</param>
    /// <param name="Http2">Speak HTTP/2 (ALPN selected h2) instead of HTTP/1.1.</param>
    public sealed record Request(string Method, string Host, string PathAndQuery, IReadOnlyDictionary<string, string>? Headers, bool Http2);

    /// <summary>Sends the request and reads the response within <paramref name="timeout"/>, or throws
    /// <see cref="ProbeFailureException"/> when no response came back.</summary>
    public static async Task<ReceivedResponse> SendAsync(
        Stream connection, Request request, string target, HttpProbeOptions bounds, NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var handedOut = 0;
        using var handler = new SocketsHttpHandler
        {
            // The client asks again only when the first connection ended before any response (it would retry);
            // the probe never retries, so that is recorded as the server closing the connection.
            ConnectCallback = (_, _) => Interlocked.Increment(ref handedOut) == 1
                ? ValueTask.FromResult(connection)
                : throw new HttpRequestException(HttpRequestError.ResponseEnded, "The server closed the connection before a response."),
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ActivityHeadersPropagator = null,
            MaxResponseHeadersLength = Math.Max(1, (bounds.MaxHeaderBytes + 1023) / 1024),
            MaxResponseDrainSize = 0,
            ResponseDrainTimeout = TimeSpan.Zero,
            PooledConnectionLifetime = TimeSpan.Zero,
        };
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var message = BuildMessage(request, secure: connection is System.Net.Security.SslStream);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout.Value);

        HttpResponseMessage response;
        try
        {
            response = await invoker.SendAsync(message, bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProbeFailureException($"No HTTP response from {target} within the {timeout}.");
        }
        catch (HttpRequestException e) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The timeout fired inside the HTTP/2 connection set-up: the library disposes the stream and reports a
            // broken handshake ("Cannot access a disposed object"), but what happened is that no answer came in time.
            throw new ProbeFailureException($"No HTTP response from {target} within the {timeout} (the HTTP library reported: {ExceptionText.Messages(e)}).", e);
        }
        catch (HttpRequestException e) when (request.Http2 && connection is RecordingSslStream recording
            && Http2GracefulRefusal.Describe(recording.FirstBytes) is { } refusal)
        {
            throw new ProbeFailureException($"The server on {target} refused the request before processing it: {refusal}.", e) { GracefulRefusal = refusal };
        }
        catch (HttpRequestException e)
        {
            var error = Volatile.Read(ref handedOut) > 1 ? HttpRequestError.ResponseEnded : e.HttpRequestError;
            throw new ProbeFailureException(Describe(error, e, target, bounds), e);
        }

        using (response)
        {
            var headers = ReadHeaders(response);
            var (body, truncated, bodyFailure) = await ReadBoundedBodyAsync(response, bounds.MaxBodyBytes, target, timeout, bound.Token, cancellationToken)
                .ConfigureAwait(false);
            return new ReceivedResponse((int)response.StatusCode, headers, body, truncated, bodyFailure);
        }
    }

    private static HttpRequestMessage BuildMessage(Request request, bool secure)
    {
        // The URI only carries the scheme and the path: the connection is already open (an authenticated
        // SslStream is used as it is, not wrapped again), and the Host header is set explicitly.
        var scheme = secure ? "https" : "http";
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"{scheme}://probe.invalid{request.PathAndQuery}"))
        {
            Version = request.Http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Headers.Host = request.Host;
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        void Add(HttpHeadersNonValidated received)
        {
            foreach (var (name, values) in received)
            {
                var key = name.ToLowerInvariant();
                var list = headers.TryGetValue(key, out var existing) ? existing.ToList() : [];
                list.AddRange(values);
                headers[key] = list;
            }
        }

        Add(response.Headers.NonValidated);
        Add(response.Content.Headers.NonValidated);
        return headers;
    }

    private static async Task<(string Body, bool Truncated, string? Failure)> ReadBoundedBodyAsync(
        HttpResponseMessage response, int maxBodyBytes, string target, NamedTimeout timeout, CancellationToken bound, CancellationToken caller)
    {
        // One byte past the bound tells a body that is exactly the bound from one that is longer.
        var buffer = new byte[maxBodyBytes + 1];
        var total = 0;
        string? failure = null;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(bound).ConfigureAwait(false);
            while (total < buffer.Length)
            {
                var read = await body.ReadAsync(buffer.AsMemory(total), bound).ConfigureAwait(false);
                if (read == 0) break;
                total += read;
            }
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            failure = $"The response body from {target} did not finish within the {timeout}; {total} bytes were kept.";
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            failure = $"The response body from {target} broke off after {total} bytes: {ExceptionText.Messages(e)}.";
        }

        var truncated = total > maxBodyBytes;
        return (Encoding.UTF8.GetString(buffer, 0, Math.Min(total, maxBodyBytes)), truncated, failure);
    }

    private static string Describe(HttpRequestError error, HttpRequestException e, string target, HttpProbeOptions bounds) => error switch
    {
        HttpRequestError.ConfigurationLimitExceeded =>
            $"The response headers from {target} exceeded the probe's bound of {bounds.MaxHeaderBytes} bytes; reading stopped there.",
        HttpRequestError.ResponseEnded =>
            $"The server on {target} closed the connection before a complete HTTP response.",
        HttpRequestError.InvalidResponse =>
            $"The server on {target} answered with something that is not valid HTTP: {ExceptionText.Messages(e)}.",
        _ => $"The HTTP exchange with {target} failed: {ExceptionText.Messages(e)}.",
    };
}
