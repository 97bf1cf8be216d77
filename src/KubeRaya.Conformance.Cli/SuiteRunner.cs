using System.Diagnostics;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Cli;

/// <summary>
/// Runs the Gherkin suite (the compiled SpecFlow project) with <c>dotnet test</c> for one run configuration,
/// echoing one line per scenario as it finishes. Cancellation kills the whole test process tree (dotnet test, the
/// test host, and any browser it started) and waits for it to end.
/// </summary>
public sealed class SuiteRunner(string suiteAssembly)
{
    /// <summary>Where the compiled suite is, relative to the repository root.</summary>
    public static string DefaultAssembly(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "steps", "bin", "Release", "net10.0", "KubeRaya.Conformance.Steps.dll");

    /// <summary>Runs the scenarios matching <paramref name="filter"/>; returns the test process's exit code.</summary>
    public async Task<int> RunAsync(string configurationPath, string filter, string workDirectory, TextWriter progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(suiteAssembly))
            throw new IncompleteRunException($"the compiled suite is missing at {suiteAssembly}: build first (run-tests.ps1 does) with 'dotnet build -c Release'");
        var start = new ProcessStartInfo("dotnet");
        foreach (var argument in new[]
                 {
                     "test", suiteAssembly, "--filter", filter,
                     "--logger", "console;verbosity=normal",
                     "--results-directory", Path.Combine(workDirectory, "testresults"),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment[RunConfiguration.EnvironmentVariable] = configurationPath;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        ShortLivedProcess.Apply(start.Environment);
        // The suite's temporary files (browser profiles, NSS stores) go inside the work directory, which the run
        // deletes however it ends: a suite killed on interruption cannot clean up after itself.
        var temporary = Directory.CreateDirectory(Path.Combine(workDirectory, "tmp")).FullName;
        start.Environment["TMPDIR"] = temporary;

        var log = Path.Combine(workDirectory, "suite.log");
        await using var logWriter = new StreamWriter(log);
        void Line(string line)
        {
            logWriter.WriteLine(line);
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("Passed ", StringComparison.Ordinal) || trimmed.StartsWith("Failed ", StringComparison.Ordinal) || trimmed.StartsWith("Skipped ", StringComparison.Ordinal))
                progress.WriteLine("  " + trimmed);
        }

        return await ChildProcess.RunAsync(start, Line, ChildProcess.KillTreeAsync, "'dotnet test' for the suite", cancellationToken).ConfigureAwait(false);
    }
}
