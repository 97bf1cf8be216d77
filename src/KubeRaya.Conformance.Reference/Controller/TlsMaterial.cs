namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>A certificate chain and key on disk (0600) for nginx to serve; both paths may name one file holding both.</summary>
/// <param name="Source">Where it came from: <c>namespace/secret</c>, or <c>default</c> for the controller's own certificate.</param>
/// <param name="CertificatePath">The chain, leaf first (PEM).</param>
/// <param name="KeyPath">The private key (PEM).</param>
/// <param name="Fingerprint">SHA-256 of the leaf, upper-case hex.</param>
/// <param name="ChainPem">The chain as PEM text (public; used to mount it into pods under tls-passthrough).</param>
public sealed record TlsMaterial(string Source, string CertificatePath, string KeyPath, string Fingerprint, string ChainPem);
