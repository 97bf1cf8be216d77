namespace KubeRaya.Conformance.Runs;

/// <summary>
/// How the harness starts its short-lived .NET processes (the suite's test host, calibration runs, the reference
/// platform's echo pods): methods are compiled once, quickly, and never recompiled with optimisations. Such a
/// process ends before recompiling would pay off; measured on 2 cores, a reference run took about a third less CPU
/// time (33 s to 21 s of user time), which is what bounds several runs at once (bench/reference-benchmark.sh).
/// Long CPU-bound work (the static audit) keeps the runtime's default.
/// </summary>
public static class ShortLivedProcess
{
    /// <summary>The runtime's switch for counting calls to promote hot methods to optimised code.</summary>
    public const string CallCountingVariable = "DOTNET_TC_CallCounting";

    /// <summary>Its value here: off.</summary>
    public const string CallCountingOff = "0";

    /// <summary>Sets the runtime switches of a short-lived process in its environment.</summary>
    public static void Apply(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment[CallCountingVariable] = CallCountingOff;
    }
}
