namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>One nginx location block.</summary>
/// <param name="Exact">True for <c>location = path</c>, false for a prefix location.</param>
/// <param name="Path">The path (validated: no quotes, spaces, braces, semicolons, backslashes or dollar signs).</param>
/// <param name="Action">What it does.</param>
public sealed record NginxLocation(bool Exact, string Path, RouteAction Action);
