using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Checks;

/// <summary>What identifies an application's content: taken from its own HTTPS answer, so that a leak elsewhere is recognised.</summary>
public static class ApplicationMarkers
{
    /// <summary>Shortest body taken as a marker; shorter bodies (e.g. "OK") would match by accident.</summary>
    public const int MinimumLength = 16;

    /// <summary>The application's body (trimmed) when it answered 2xx with enough content to be recognisable.</summary>
    public static IReadOnlyList<string> From(HttpExchangeEvidence applicationResponse)
    {
        ArgumentNullException.ThrowIfNull(applicationResponse);
        var body = applicationResponse.Body.Trim();
        return applicationResponse.Status is >= 200 and < 300 && body.Length >= MinimumLength ? [body] : [];
    }
}
