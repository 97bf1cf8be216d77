namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>Under the tls-passthrough fault: TLS for this SNI goes straight to the pods' own TLS port.</summary>
/// <param name="Host">The SNI.</param>
/// <param name="Upstream">The pods' TLS endpoints.</param>
/// <param name="Certificate">The host's certificate, mounted into the pods so that they present it.</param>
public sealed record PassthroughRoute(string Host, Upstream Upstream, TlsMaterial? Certificate);
