using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>Tests that run the whole suite in child processes: alone, so no other test competes for the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServedPlatformCollection
{
    public const string Name = "Served reference platform";
}
