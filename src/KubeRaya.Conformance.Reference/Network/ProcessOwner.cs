using System.Globalization;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>
/// Identifies the process that owns a platform instance: its pid and its start time (field 22 of
/// /proc/&lt;pid&gt;/stat), so that a recycled pid is not mistaken for a live owner.
/// </summary>
/// <param name="ProcessId">The owner's pid.</param>
/// <param name="StartTicks">The owner's start time in clock ticks since boot.</param>
public sealed record ProcessOwner(int ProcessId, long StartTicks)
{
    /// <summary>The current process.</summary>
    public static ProcessOwner Current { get; } = new(Environment.ProcessId, StartTicksOf(Environment.ProcessId) ?? 0);

    /// <summary>True when a process with this pid and this start time is running.</summary>
    public bool IsAlive => StartTicksOf(ProcessId) == StartTicks;

    /// <summary>"pid startticks", as stored in the owner file.</summary>
    public string Serialize() => string.Create(CultureInfo.InvariantCulture, $"{ProcessId} {StartTicks}");

    /// <summary>Reads the stored form; null when it is not one.</summary>
    public static ProcessOwner? Parse(string text)
    {
        var parts = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new ProcessOwner(pid, ticks)
            : null;
    }

    /// <summary>The start time of a process, or null when there is no such process.</summary>
    internal static long? StartTicksOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
