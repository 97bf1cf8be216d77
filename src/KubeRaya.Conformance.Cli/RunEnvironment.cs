using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KubeRaya.Conformance.Cli;

/// <summary>The facts about a run that an auditor needs to know what was tested with what.</summary>
public static class RunEnvironment
{
    /// <summary>Harness commit, machine, runtime; the caller adds target facts.</summary>
    public static Dictionary<string, string> Describe(string repositoryRoot, string runId) => new(StringComparer.Ordinal)
    {
        ["runId"] = runId,
        ["harnessCommit"] = HarnessCommit(repositoryRoot),
        ["harnessHost"] = Environment.MachineName,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
    };

    private static string HarnessCommit(string repositoryRoot)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", repositoryRoot, "rev-parse", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start);
            if (git is null) return "unknown";
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            var dirty = new ProcessStartInfo("git", ["-C", repositoryRoot, "status", "--porcelain", "--untracked-files=no"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var status = Process.Start(dirty);
            var changes = status?.StandardOutput.ReadToEnd().Trim() ?? "";
            status?.WaitForExit(5000);
            return head.Length == 40 ? head + (changes.Length > 0 ? " (with uncommitted changes)" : "") : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (git not installed)";
        }
    }
}
