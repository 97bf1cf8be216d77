using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// KR-HOST-03: a request for a path outside the Ingress's declared paths gets 404 and the body is not the
/// application's (the echo backend's marker, or given markers). Declared paths match with Kubernetes Prefix
/// semantics, element by element ("/api" covers "/api" and "/api/x", not "/apix"). The evidence must also hold a
/// request for a declared path that reached the application: without it, the application's absence elsewhere proves
/// nothing, and the control is undecided.
/// </summary>
public static class DeclaredPathsJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-HOST-03";

    /// <summary>Judges the requests for declared and undeclared paths of one host.</summary>
    public static Verdict Judge(string host, IReadOnlyList<PathExchange> probes, IReadOnlyList<string> declaredPaths, IReadOnlyList<string>? applicationMarkers = null)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(declaredPaths);
        var expected = $"paths outside the declared {EvidenceText.List(declaredPaths)} get 404 from the default backend, not the application";
        var application = ApplicationFingerprint.From(null, applicationMarkers);
        var findings = new Findings();
        var sawApplication = false;
        var undeclaredCount = 0;
        foreach (var (path, exchange) in probes)
        {
            var what = $"{path}: {EvidenceText.Exchange(exchange)}";
            var content = application.Recognise(exchange.Body);
            if (!HostNameMatcher.SameName(exchange.HostHeader, host))
            {
                findings.Undecided($"{what} was sent with Host {EvidenceText.Quote(exchange.HostHeader)}, not {host}");
            }
            else if (IsDeclared(path, declaredPaths))
            {
                sawApplication |= content is not null;
            }
            else
            {
                undeclaredCount++;
                JudgeUndeclared(what, exchange, content, findings);
            }
        }
        if (undeclaredCount == 0)
        {
            findings.Undecided("no request for an undeclared path was made");
        }
        if (!sawApplication)
        {
            findings.Undecided("no request for a declared path reached a recognisable application, so its absence elsewhere proves nothing");
        }
        var observed = string.Join("; ", probes.Select(p => $"{p.Path} ({(IsDeclared(p.Path, declaredPaths) ? "declared" : "undeclared")}): {EvidenceText.Exchange(p.Exchange)}"));
        return findings.Conclude(ControlId, host, expected, observed);
    }

    private static void JudgeUndeclared(string what, HttpExchangeEvidence exchange, string? content, Findings findings)
    {
        if (exchange.Status is null)
        {
            findings.Undecided($"{what}: without a response the path's routing is unknown");
        }
        else if (content is not null)
        {
            findings.Fail($"{what} from the application: {content}");
        }
        else if (exchange.Status != 404)
        {
            findings.Fail(what);
        }
    }

    /// <summary>Kubernetes Prefix matching: the declared path's elements are a prefix of the request path's elements.</summary>
    public static bool IsDeclared(string path, IReadOnlyList<string> declaredPaths)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(declaredPaths);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query < 0 ? path : path[..query];
        return declaredPaths.Any(declared =>
        {
            var prefix = declared.TrimEnd('/');
            return prefix.Length == 0 || bare == prefix || bare.StartsWith(prefix + "/", StringComparison.Ordinal);
        });
    }
}
