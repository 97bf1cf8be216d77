using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Tests.EndToEnd;

/// <summary>
/// Which E-mode controls a run decides. A whole run of two hosts takes 10 to 20 s, most of it process start and the browser
/// (KR-UX-01), so most fault tests leave the browser out by naming every other E-mode control in --tags: the run is
/// barely faster than one naming a single control, and proves that every other decided control still passed.
/// </summary>
internal sealed record RunScope(IReadOnlyList<string> Tags)
{
    /// <summary>Every control of the catalogue decided in E mode, core and extended.</summary>
    public static IReadOnlyList<string> EndpointControls { get; } =
        ControlCatalogue.All.Where(c => c.Modes.HasFlag(ControlModes.Endpoint)).Select(c => c.Id).ToList();

    /// <summary>Every control of the endpoint target (no --tags).</summary>
    public static RunScope Everything { get; } = new([]);

    /// <summary>Every E-mode control but KR-UX-01.</summary>
    public static RunScope WithoutBrowser { get; } = new(EndpointControls.Where(c => c != "KR-UX-01").ToList());

    /// <summary>Whether the run decides <paramref name="control"/> (rather than reporting it skipped).</summary>
    public bool Decides(string control) =>
        EndpointControls.Contains(control) && (Tags.Count == 0 || Tags.Contains(control));

    /// <summary>The --tags arguments, if any.</summary>
    public IReadOnlyList<string> Arguments => Tags.Count == 0 ? [] : ["--tags", string.Join(',', Tags)];
}
