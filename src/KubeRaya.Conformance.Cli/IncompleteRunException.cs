namespace KubeRaya.Conformance.Cli;

/// <summary>The run could not complete (target unreachable, platform not ready). Exit code 3.</summary>
public sealed class IncompleteRunException(string message) : Exception(message);
