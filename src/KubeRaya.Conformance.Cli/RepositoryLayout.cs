namespace KubeRaya.Conformance.Cli;

/// <summary>Finds the product's own files (features/, the compiled suite) from where the command runs.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding KubeRaya.Conformance.sln, searched upwards from the program and then the current directory.</summary>
    public static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KubeRaya.Conformance.sln"))) return dir.FullName;
            }
        }
        throw new IncompleteRunException("cannot find the KubeRaya.Conformance checkout (KubeRaya.Conformance.sln): run from inside it");
    }
}
