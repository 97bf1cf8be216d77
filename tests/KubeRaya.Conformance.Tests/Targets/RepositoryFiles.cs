using KubeRaya.Conformance.Cli;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>The checkout the tests run from (kind-config/, fixtures/controllers/).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = RepositoryLayout.Root();

    public static string Pins => Conformance.Targets.ControllerPins.Directory(Root);

    public static string KindConfig => Conformance.Targets.KindClusterConfig.DefaultPath(Root);
}
