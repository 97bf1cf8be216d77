namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// A control expected to fail on a host. <see cref="Collateral"/> is null for the control the fault is about; for any
/// other control that genuinely fails because of the same fault it says why, so that the test documents every
/// failure beyond the intended one instead of tolerating it silently.
/// </summary>
internal sealed record ExpectedFailure(string Control, string Host, string? Collateral = null)
{
    /// <summary>The control the fault is about, failing on <paramref name="host"/>.</summary>
    public static ExpectedFailure Of(string control, string host) => new(control, host);

    /// <summary>The control the fault is about, failing on every host.</summary>
    public static IEnumerable<ExpectedFailure> OnEveryHost(string control) =>
        IngressConfiguration.Hosts.Select(host => new ExpectedFailure(control, host));

    /// <summary>Another control failing on <paramref name="host"/> because of the same fault, for the reason given.</summary>
    public static ExpectedFailure Because(string control, string host, string reason) => new(control, host, reason);
}
