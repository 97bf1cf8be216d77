namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>
/// A folder of stand-in tools (kind, docker, kubectl, helm) for PATH: shell scripts that record each call in a log
/// and answer as told. A test puts only the tools it wants present in the folder.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FakeTools : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kr-fake-tools-");

    public string Path => _directory.FullName;

    public string LogPath => System.IO.Path.Combine(Path, "calls.log");

    public IReadOnlyList<string> Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    /// <summary>Adds a tool that logs its arguments, prints <paramref name="output"/> and exits with <paramref name="exitCode"/>.</summary>
    public FakeTools With(string tool, int exitCode = 0, string output = "")
    {
        var script = System.IO.Path.Combine(Path, tool);
        File.WriteAllText(script, $"#!/bin/sh\necho \"{tool} $*\" >> '{LogPath}'\nprintf '%s\\n' '{output.Replace("'", "", StringComparison.Ordinal)}' {(exitCode == 0 ? "" : ">&2")}\nexit {exitCode}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return this;
    }

    /// <summary>The environment for a child process whose PATH holds only these tools.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["PATH"] = Path };

    public void Dispose() => _directory.Delete(recursive: true);
}
