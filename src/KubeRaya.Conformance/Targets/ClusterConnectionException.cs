namespace KubeRaya.Conformance.Targets;

/// <summary>A cluster could not be used; the message is one line naming what is wrong and what to do.</summary>
/// <param name="message">The line.</param>
/// <param name="isConfigurationError">True for bad input (exit 2), false when the cluster could not be reached (exit 3).</param>
public sealed class ClusterConnectionException(string message, bool isConfigurationError) : Exception(message)
{
    /// <summary>True for bad input, refused credentials included (exit 2); false when the cluster could not be reached (exit 3).</summary>
    public bool IsConfigurationError { get; } = isConfigurationError;
}
