namespace KubeRaya.Conformance.Reference.Api;

/// <summary>The <c>details</c> of a status: the object's name, its group, and its kind (or, for most errors, its resource).</summary>
internal sealed record StatusTarget(string Name, string Group, string Kind);
