namespace KubeRaya.Conformance.Pki;

/// <summary>A CA bundle could not be used; the message names the file, what is wrong and what to do.</summary>
public sealed class CaBundleException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public CaBundleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the error underneath.</summary>
    public CaBundleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
