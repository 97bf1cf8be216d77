namespace KubeRaya.Conformance.Evidence;

/// <summary>One HTTP request and what came back. Redirects are never followed.</summary>
public sealed record HttpExchangeEvidence
{
    /// <summary>"http" or "https".</summary>
    public required string Scheme { get; init; }
    /// <summary>The address connected to.</summary>
    public required string Address { get; init; }
    /// <summary>The TCP port.</summary>
    public required int Port { get; init; }
    /// <summary>SNI presented (https only); null when none.</summary>
    public string? Sni { get; init; }
    /// <summary>Host header sent; null when the request was addressed by IP.</summary>
    public string? HostHeader { get; init; }
    /// <summary>Path and query sent, e.g. /a/b?c=d.</summary>
    public required string PathAndQuery { get; init; }
    /// <summary>Response status; null when no response came back.</summary>
    public int? Status { get; init; }
    /// <summary>Response headers (names lower-case), including content headers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>The body, cut at the probe's bound and decoded as UTF-8.</summary>
    public string Body { get; init; } = "";
    /// <summary>True when the body was longer than the bound.</summary>
    public bool BodyTruncated { get; init; }
    /// <summary>Why no response came back.</summary>
    public string? Failure { get; init; }
    /// <summary>Set when a first connection's request was refused gracefully before it was processed (an HTTP/2 GOAWAY
    /// naming an earlier last stream, RFC 9113 section 6.8): this evidence is then from the one new connection that a
    /// client makes in that case, and this says what the first connection got.</summary>
    public string? FirstAttemptRefusal { get; init; }
    /// <summary>How long the exchange took (both connections when the first was refused).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name.ToLowerInvariant(), out var values) && values.Count > 0 ? values[0] : null;
}
