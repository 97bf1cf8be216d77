using System.Diagnostics;
using System.Globalization;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>Looks at the host directly (ip, /proc), independently of the code under test.</summary>
internal static class HostState
{
    public static IReadOnlyList<string> Namespaces() =>
        [.. Run("ip", "netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0])];

    public static bool LinkExists(string name) => RunStatus("ip", "link", "show", name) == 0;

    public static IReadOnlyList<int> NamespacePids(string name) =>
        [.. Run("ip", "netns", "pids", name).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];

    /// <summary>True when the process exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string Run(string file, params string[] arguments)
    {
        using var process = Start(file, arguments);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    public static int RunStatus(string file, params string[] arguments)
    {
        using var process = Start(file, arguments);
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    public static Process Start(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
