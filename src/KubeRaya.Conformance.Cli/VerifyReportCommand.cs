using KubeRaya.Conformance.Reporting;

namespace KubeRaya.Conformance.Cli;

/// <summary><c>verify-report</c>: checks a bundle against its manifest; 0 intact, 1 altered, 2 no such bundle.</summary>
public static class VerifyReportCommand
{
    /// <summary>Runs the command.</summary>
    public static int Execute(Arguments arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var directory = Path.GetFullPath(arguments.Required("report-dir", "the report bundle to verify"));
        arguments.RejectUnknown();
        if (!Directory.Exists(directory))
            throw new UsageException($"-VerifyReport '{directory}' is not a directory: give the folder of a report bundle");
        var verification = ReportVerifier.Verify(directory);
        output.WriteLine(verification.Describe());
        return verification.ExitCode;
    }
}
