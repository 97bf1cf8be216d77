namespace KubeRaya.Conformance.Audit;

/// <summary>
/// The audit was given input it cannot open at all: a path that does not exist or cannot be read. The message is
/// one line, fit to print as it is. (A file that opens but holds a malformed document is not this: it becomes a
/// <see cref="LoadProblem"/> and the rest is still audited.)
/// </summary>
public sealed class AuditInputException : Exception
{
    /// <summary>An input error with a one-line message.</summary>
    public AuditInputException(string message)
        : base(message)
    {
    }

    /// <summary>An input error with a one-line message and its cause.</summary>
    public AuditInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
