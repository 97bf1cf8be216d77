using System.Diagnostics;
using System.Text;
using KubeRaya.Conformance.Cli;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// The command-line program as a child process (<c>dotnet kuberaya-conformance.dll …</c>, built beside these tests),
/// with its output collected, its temporary directory of its own, and signals sent to it as a person or CI would.
/// Disposal kills it if it is still running.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The repository checkout these tests were built from.</summary>
    public static string Root { get; } = RepositoryLayout.Root();

    /// <summary>The program, from the same build configuration as these tests.</summary>
    public static string Program { get; } = Path.Combine(Root, "src", "KubeRaya.Conformance.Cli", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release",
        "net10.0", "kuberaya-conformance.dll");

    public int Id => _process.Id;
    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Error { get { lock (_error) return _error.ToString(); } }
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the program with <paramref name="arguments"/>; <paramref name="temporary"/> becomes its TMPDIR when given.</summary>
    public static CliProcess Start(IEnumerable<string> arguments, string? temporary = null)
    {
        if (!File.Exists(Program))
            throw new InvalidOperationException($"the command-line program is not built at {Program}: build the solution first");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        start.ArgumentList.Add(Program);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (temporary is not null) start.Environment["TMPDIR"] = temporary;
        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Runs the program to its end (at most <paramref name="timeout"/>).</summary>
    public static async Task<CliProcess> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var cli = Start(arguments);
        await cli.WaitAsync(timeout);
        return cli;
    }

    /// <summary>Sends a signal by name (INT, TERM) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the program to exit; throws when it has not within <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the program did not exit within {timeout.TotalSeconds:0} s; output so far:\n{Output}\n{Error}");
        }
        _process.WaitForExit(); // drains the output readers
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private static void Append(StringBuilder into, string? line)
    {
        if (line is null) return;
        lock (into) into.AppendLine(line);
    }
}
