namespace KubeRaya.Conformance.Controls;

/// <summary>Whether a control decides conformance (core) or is reported as supported or not (extended).</summary>
public enum Profile
{
    /// <summary>A platform that fails one is non-conformant.</summary>
    Core,
    /// <summary>Reported as supported or unsupported; never fails the run.</summary>
    Extended,
}
