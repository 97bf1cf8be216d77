using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Tests.Probes;

/// <summary>Timeouts for probe tests: generous for servers that answer, short for the silent ones.</summary>
internal static class ProbeTimeouts
{
    public static Timeouts Normal { get; } = new()
    {
        Connect = new NamedTimeout("connect", TimeSpan.FromSeconds(5)),
        Handshake = new NamedTimeout("handshake", TimeSpan.FromSeconds(5)),
        Request = new NamedTimeout("request", TimeSpan.FromSeconds(5)),
    };

    public static Timeouts Short { get; } = new()
    {
        Connect = new NamedTimeout("connect", TimeSpan.FromSeconds(1)),
        Handshake = new NamedTimeout("handshake", TimeSpan.FromMilliseconds(500)),
        Request = new NamedTimeout("request", TimeSpan.FromMilliseconds(500)),
    };
}
