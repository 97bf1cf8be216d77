using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Judges;

/// <summary>The common first reading of the handshake a modern client made, for the protocol and cipher judges.</summary>
internal static class ModernHandshake
{
    /// <summary>Records why the handshake cannot be judged further; true when it completed and is about the host.</summary>
    public static bool Completed(string host, TlsHandshakeEvidence modern, Findings findings)
    {
        if (!HostNameMatcher.SameName(modern.Host, host))
        {
            findings.Undecided($"the modern handshake was made to {modern.Host}, not {host}");
            return false;
        }
        if (!modern.Completed)
        {
            findings.Fail($"a modern client could not complete a handshake: {modern.Failure ?? "no reason recorded"}");
            return false;
        }
        return true;
    }
}
