using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Cli;

/// <summary>A prepared target for one run: its configuration for the suite, and clean-up on disposal.</summary>
public interface ITargetSession : IAsyncDisposable
{
    /// <summary>The configuration handed to the suite.</summary>
    RunConfiguration Configuration { get; }
    /// <summary>The modes the target supports.</summary>
    ControlModes Modes { get; }
    /// <summary>Hosts every applicable control must be judged on; empty when scenarios choose their own.</summary>
    IReadOnlyList<string> JudgedHosts { get; }
    /// <summary>Facts about the target for the report.</summary>
    IReadOnlyDictionary<string, string> Environment { get; }
}
