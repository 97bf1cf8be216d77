using System.Runtime.InteropServices;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>The two libc calls .NET has no managed form for: entering a network namespace and signalling a process group.</summary>
internal static class NativeMethods
{
    /// <summary>CLONE_NEWNET, the namespace type for <see cref="SetNamespace"/>.</summary>
    internal const int CloneNewNet = 0x40000000;

    /// <summary>SIGHUP: nginx re-reads its configuration.</summary>
    internal const int SigHup = 1;

    /// <summary>SIGKILL.</summary>
    internal const int SigKill = 9;

    /// <summary>SIGTERM.</summary>
    internal const int SigTerm = 15;

    /// <summary>SIGQUIT: nginx shuts down gracefully.</summary>
    internal const int SigQuit = 3;

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int setns(int fd, int nstype);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int kill(int pid, int sig);

    /// <summary>Moves the calling thread into the network namespace open as <paramref name="fd"/>.</summary>
    internal static void SetNamespace(int fd)
    {
        if (setns(fd, CloneNewNet) != 0)
            throw new IOException($"setns(CLONE_NEWNET) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>Sends a signal to a process (pid &gt; 0) or a process group (negative pid); false when it no longer exists.</summary>
    internal static bool Signal(int pid, int signal) => kill(pid, signal) == 0;
}
