namespace KubeRaya.Conformance.Reference.Api;

/// <summary>What a strategy may consult while admitting a write: the store (its lock is held) and the resource written.</summary>
/// <param name="Store">The store; read it through its <c>*Locked</c> members only.</param>
/// <param name="Kind">The resource being written.</param>
internal sealed record Admission(ObjectStore Store, ResourceKind Kind);
