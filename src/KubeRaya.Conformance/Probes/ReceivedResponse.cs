namespace KubeRaya.Conformance.Probes;

/// <summary>What came back for one request: status, headers, the body up to the bound.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">Header values as received, names lower-case, content headers included.</param>
/// <param name="Body">The body up to the bound, decoded as UTF-8.</param>
/// <param name="BodyTruncated">True when the body was longer than the bound.</param>
/// <param name="BodyFailure">Why the body stopped early (e.g. a timeout), when it did.</param>
internal sealed record ReceivedResponse(
    int Status,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    string Body,
    bool BodyTruncated,
    string? BodyFailure);
