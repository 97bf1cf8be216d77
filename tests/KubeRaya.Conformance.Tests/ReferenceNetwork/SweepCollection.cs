using Xunit;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>Tests that must not run beside platform starts, which sweep leftovers themselves.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SweepCollection
{
    public const string Name = "reference-network sweep";
}
