namespace KubeRaya.Conformance.Controls;

/// <summary>One entry of the control catalogue.</summary>
/// <param name="Id">Stable identifier, e.g. <c>KR-CERT-01</c>.</param>
/// <param name="Title">What the control promises, in one line.</param>
/// <param name="Guidance">The words of the platform guidance it comes from.</param>
/// <param name="Modes">The modes in which it can be decided.</param>
/// <param name="Profile">Core or extended.</param>
/// <param name="Decision">How the harness decides it, in words an auditor can check.</param>
public sealed record Control(string Id, string Title, string Guidance, ControlModes Modes, Profile Profile, string Decision)
{
    /// <summary>The family, the middle part of the ID (TLS, CERT, HTTP, HOST, PRIV, UX, EXT).</summary>
    public string Family => Id.Split('-')[1];
}
