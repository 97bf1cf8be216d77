namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>One nginx server block for one Ingress host, on ports 80 and 443.</summary>
/// <param name="Name">The host (server_name), lower-case; may be a wildcard <c>*.example.com</c>.</param>
/// <param name="Certificate">What it serves on 443: its TLS Secret's certificate, or the default one.</param>
/// <param name="HasTls">True when an Ingress lists the host in spec.tls (then HSTS is sent and HTTP redirects).</param>
/// <param name="Locations">Its locations, always including a <c>location /</c> (404 unless declared or a fault says otherwise).</param>
public sealed record VirtualHost(string Name, TlsMaterial Certificate, bool HasTls, IReadOnlyList<NginxLocation> Locations);
