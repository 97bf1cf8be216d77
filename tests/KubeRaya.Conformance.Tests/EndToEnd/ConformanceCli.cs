using System.Diagnostics;
using System.Text;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// The product's command line as a user runs it: <c>dotnet kuberaya-conformance.dll ...</c>, a child process started
/// from the Release build of the checkout these tests belong to (found by walking up to KubeRaya.Conformance.sln).
/// These tests run after <c>dotnet build KubeRaya.Conformance.sln -c Release</c>; without that build they fail saying so.
/// </summary>
internal static class ConformanceCli
{
    /// <summary>Longest any one process may run before the test kills it and fails.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    /// <summary>The checkout holding KubeRaya.Conformance.sln.</summary>
    public static string Root => RepositoryRoot.Value;

    /// <summary>The Release build of the command line.</summary>
    public static string Assembly => Path.Combine(Root, "src", "KubeRaya.Conformance.Cli", "bin", "Release", "net10.0", "kuberaya-conformance.dll");

    /// <summary>Runs the command line with <paramref name="arguments"/> in <paramref name="workingDirectory"/> and waits
    /// for it, at most <see cref="Bound"/>; a process still running then is killed with its children.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Assembly))
            throw new InvalidOperationException($"{Assembly} is missing: these tests run the Release build; run 'dotnet build KubeRaya.Conformance.sln -c Release' first.");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (output) output.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (error) error.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"kuberaya-conformance {string.Join(' ', arguments)} ran longer than {Bound.TotalMinutes} minutes and was killed; it had written:\n{output}\n{error}");
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output) lock (error) return new CliRun(process.ExitCode, output.ToString(), error.ToString(), clock.Elapsed);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KubeRaya.Conformance.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"no KubeRaya.Conformance.sln above {AppContext.BaseDirectory}: these tests run inside the checkout.");
    }
}
