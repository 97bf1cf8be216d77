using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>KR-PRIV-02: every TCP connect from the harness to a pod IP or ClusterIP of the application fails.
/// With no connect attempted the control is undecided.</summary>
public static class BackendReachabilityJudge
{
    /// <summary>The control judged.</summary>
    public const string ControlId = "KR-PRIV-02";

    /// <summary>Judges the connect attempts made to the backends of one host.</summary>
    public static Verdict Judge(string host, IReadOnlyList<ReachabilityEvidence> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        const string expected = "TCP connects from the harness to every pod IP and ClusterIP of the application fail";
        if (attempts.Count == 0)
        {
            return Verdict.Undecided(ControlId, host, expected, "no backend address was tried");
        }
        var reached = attempts.Where(a => a.Connected).ToList();
        return reached.Count > 0
            ? Verdict.Fail(ControlId, host, expected, string.Join("; ", reached.Select(a => $"{Describe(a)} accepted a TCP connection ({a.Detail})")))
            : Verdict.Pass(ControlId, host, expected, string.Join("; ", attempts.Select(a => $"{Describe(a)}: {a.Detail}")));
    }

    private static string Describe(ReachabilityEvidence attempt) =>
        $"{(attempt.Address.Contains(':', StringComparison.Ordinal) ? $"[{attempt.Address}]" : attempt.Address)}:{attempt.Port}{(attempt.Target is null ? "" : $" ({attempt.Target})")}";
}
