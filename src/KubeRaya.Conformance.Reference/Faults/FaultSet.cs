using System.Collections;

namespace KubeRaya.Conformance.Reference.Faults;

/// <summary>The faults switched on for one platform instance (usually none or one). Immutable.</summary>
public sealed class FaultSet : IReadOnlyCollection<FaultSwitch>
{
    private readonly HashSet<FaultSwitch> switches;

    /// <summary>Creates a set of the given switches.</summary>
    public FaultSet(IEnumerable<FaultSwitch> switches) => this.switches = [.. switches];

    /// <summary>No faults: the platform behaves like upstream ingress-nginx.</summary>
    public static FaultSet None { get; } = new([]);

    /// <summary>A set of the given switches.</summary>
    public static FaultSet Of(params FaultSwitch[] switches) => new(switches);

    /// <summary>A set from stable fault names such as <c>hsts-off</c>.</summary>
    public static FaultSet Parse(IEnumerable<string> names) => new(names.Select(n => FaultCatalogue.Parse(n).Switch));

    /// <summary>True when the switch is on.</summary>
    public bool Has(FaultSwitch faultSwitch) => switches.Contains(faultSwitch);

    /// <inheritdoc />
    public int Count => switches.Count;

    /// <inheritdoc />
    public IEnumerator<FaultSwitch> GetEnumerator() => switches.Order().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() =>
        switches.Count == 0 ? "none" : string.Join(",", this.Select(s => FaultCatalogue.Get(s).Name));
}
