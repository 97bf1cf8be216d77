namespace KubeRaya.Conformance.Cli;

/// <summary>Bad input: the message is one line naming what is wrong and what to do. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
