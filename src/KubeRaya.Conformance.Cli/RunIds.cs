namespace KubeRaya.Conformance.Cli;

/// <summary>Random run identifiers: short, DNS-label safe, unique enough to label a run's objects.</summary>
public static class RunIds
{
    /// <summary>A new identifier such as <c>kr-20261126-a1b2c3</c>.</summary>
    public static string New() =>
        $"kr-{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
}
