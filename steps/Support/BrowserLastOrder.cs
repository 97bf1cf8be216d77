using System.Reflection;
using KubeRaya.Conformance.Judges;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace KubeRaya.Conformance.Steps.Support;

/// <summary>
/// The order features run in: by name, except that the feature holding the browser's scenario (KR-UX-01) comes last.
/// In an endpoint run the browser's visits start with the first scenario (see ConformanceRun) and go on while every
/// other feature probes; run last, its scenario then waits only for what is left of them. The order is the same on
/// every run, so two runs' logs read alike.
/// </summary>
public sealed class BrowserLastOrder : ITestCollectionOrderer
{
    /// <summary>The tag of the scenario whose feature goes last.</summary>
    private const string LastTag = BrowserJudge.ControlId;

    // xUnit names the collection of a class without [Collection] after the class's full name.
    private const string ClassCollectionPrefix = "Test collection for ";

    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => HasScenarioTagged(c, LastTag)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    /// <summary>Whether the collection's class has a scenario carrying <paramref name="tag"/> (SpecFlow writes each tag as a Category trait).</summary>
    private static bool HasScenarioTagged(ITestCollection collection, string tag)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (!collection.DisplayName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal)) return false;
        var type = typeof(BrowserLastOrder).Assembly.GetType(collection.DisplayName[ClassCollectionPrefix.Length..]);
        return type is not null && HasScenarioTagged(type, tag);
    }

    /// <summary>Whether a feature class has a scenario carrying <paramref name="tag"/>.</summary>
    private static bool HasScenarioTagged(Type featureClass, string tag)
    {
        ArgumentNullException.ThrowIfNull(featureClass);
        return featureClass.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(m => m.GetCustomAttributesData())
            .Any(a => a.AttributeType == typeof(TraitAttribute)
                      && a.ConstructorArguments is [{ Value: "Category" }, { Value: string value }]
                      && value == tag);
    }
}
