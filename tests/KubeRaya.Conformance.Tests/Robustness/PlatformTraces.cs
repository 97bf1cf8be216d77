using System.Diagnostics;
using System.Globalization;

namespace KubeRaya.Conformance.Tests.Robustness;

/// <summary>
/// What a reference-platform run leaves on the machine, attributed to that run only (other runs may be going on):
/// the platform instances its process registered (network namespace kr-&lt;id&gt;, host link, owner record), and
/// anything in the run's own temporary directory or any process that still points into it.
/// </summary>
internal sealed class PlatformTraces
{
    private const string Registry = "/run/kuberaya-reference";
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>The platform ids seen registered to the process so far.</summary>
    public IReadOnlyCollection<string> Ids { get { lock (_ids) return [.. _ids]; } }

    /// <summary>Records the instances registered to <paramref name="processId"/> until <paramref name="stop"/>.</summary>
    public async Task WatchAsync(int processId, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var id in RegisteredTo(processId))
            {
                lock (_ids) _ids.Add(id);
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Everything of the watched run still present, in words; empty when it cleaned up after itself.</summary>
    public IReadOnlyList<string> Leftovers(string temporary)
    {
        var left = new List<string>();
        var namespaces = Run("ip", "netns", "list");
        var links = Run("ip", "-o", "link", "show");
        foreach (var id in Ids)
        {
            if (namespaces.Contains("kr-" + id, StringComparison.Ordinal)) left.Add($"network namespace kr-{id}");
            if (links.Contains($" kr-{id}", StringComparison.Ordinal)) left.Add($"host link kr-{id}");
            if (File.Exists(Path.Combine(Registry, $"kr-{id}.owner"))) left.Add($"owner record kr-{id}.owner");
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(temporary))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith("kr-", StringComparison.Ordinal) || name.StartsWith("kuberaya-", StringComparison.Ordinal)) left.Add($"temporary {entry}");
        }
        foreach (var process in ProcessesPointingInto(temporary)) left.Add($"process {process}");
        return left;
    }

    private static IEnumerable<string> RegisteredTo(int processId)
    {
        if (!Directory.Exists(Registry)) yield break;
        foreach (var record in Directory.EnumerateFiles(Registry, "kr-*.owner"))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(record);
            }
            catch (IOException)
            {
                continue;
            }
            if (lines.Length > 0 && lines[0].StartsWith(processId.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal))
                yield return Path.GetFileNameWithoutExtension(record)[3..];
        }
    }

    private static IEnumerable<string> ProcessesPointingInto(string directory)
    {
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid) || pid == Environment.ProcessId) continue;
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(proc, "cmdline")) + "\0" + File.ReadAllText(Path.Combine(proc, "environ"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (text.Contains(directory, StringComparison.Ordinal)) yield return $"{pid}: {text.Split('\0')[0]}";
        }
    }

    private static string Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
