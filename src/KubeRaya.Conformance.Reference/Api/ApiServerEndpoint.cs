namespace KubeRaya.Conformance.Reference.Api;

/// <summary>How to reach a started <see cref="ReferenceApiServer"/>: its URL, the bearer token it requires, and the CA that signed its serving certificate.</summary>
/// <param name="Server">e.g. <c>https://127.0.0.1:41234</c>.</param>
/// <param name="Token">The bearer token (random per start).</param>
/// <param name="CertificateAuthorityPem">The CA certificate, PEM.</param>
public sealed record ApiServerEndpoint(Uri Server, string Token, string CertificateAuthorityPem)
{
    /// <summary>The endpoint without its token, which is a credential.</summary>
    public override string ToString() => $"ApiServerEndpoint {{ Server = {Server}, Token = (redacted) }}";
}
