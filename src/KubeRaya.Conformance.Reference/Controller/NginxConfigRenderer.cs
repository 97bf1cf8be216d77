using System.Globalization;
using System.Net;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// Prints an <see cref="NginxSite"/> as one nginx configuration. It decides nothing: what to serve, and every fault,
/// is already in the site. Upstream ingress-nginx behaviours reproduced in text: a default server on 80 and 443,
/// one server per host on both ports, HSTS only over HTTPS, the redirect before authentication, X-Forwarded-* and
/// X-Real-IP to the backends, upstreams of pod endpoints, limit_req with status 503, certificates loaded at every
/// handshake (a path with an always-empty variable) so that a replaced Secret is served without a reload, as
/// ingress-nginx's dynamic certificates are. The status server on
/// 127.0.0.1:<see cref="StatusPort"/> inside the namespace answers <c>/kr-generation</c>, so the controller can tell
/// when a reload took effect.
/// </summary>
internal static class NginxConfigRenderer
{
    /// <summary>The status port on the namespace's loopback (ingress-nginx's status port is the same).</summary>
    public const int StatusPort = 10246;

    /// <summary>The path that answers the generation of the loaded configuration.</summary>
    public const string GenerationPath = "/kr-generation";

    /// <summary>Always empty; its presence makes nginx load a certificate file at every handshake instead of once.</summary>
    private const string DynamicVariable = "kr_dynamic";

    /// <summary>Where the http block's TLS servers listen when port 443 belongs to the passthrough router.</summary>
    public static readonly IPEndPoint InternalTls = new(IPAddress.Loopback, 442);

    /// <summary>Renders the configuration of generation <paramref name="generation"/>.</summary>
    public static string Render(NginxSite site, NginxLayout layout, long generation, string? streamModulePath)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(layout);
        var text = new NginxText();
        text.Line($"# Rendered by the KubeRaya reference controller, generation {generation}. Do not edit.");
        foreach (var problem in site.Problems) text.Line("# problem: " + problem.Replace('\n', ' '));
        var stream = streamModulePath is not null && (site.Proxies.Count > 0 || site.Passthrough.Count > 0);
        if (stream) text.Line($"load_module {NginxText.Quote(streamModulePath!)};");
        text.Line("daemon off;")
            .Line("master_process on;")
            .Line("worker_processes 1;")
            .Line("# Workers read htpasswd files from the private (0700, root) temp directory at request time.")
            .Line("user root root;")
            .Line($"pid {NginxText.Quote(layout.PidPath)};")
            .Line($"error_log {NginxText.Quote(layout.ErrorLogPath)} notice;")
            .Block("events", e => e.Line("worker_connections 1024;"))
            .Block("http", http => Http(http, site, layout, generation));
        if (stream) text.Block("stream", s => Stream(s, site));
        return text.ToString();
    }

    private static void Http(NginxText http, NginxSite site, NginxLayout layout, long generation)
    {
        var edge = site.Edge;
        http.Line("log_format kr '$remote_addr \"$host\" [$time_local] \"$request\" $status $body_bytes_sent ssl=$ssl_protocol/$ssl_cipher sni=$ssl_server_name upstream=$upstream_addr';")
            .Line($"access_log {NginxText.Quote(layout.AccessLogPath)} kr;");
        foreach (var (directive, folder) in new[] { ("client_body", "client_body"), ("proxy", "proxy"), ("fastcgi", "fastcgi"), ("uwsgi", "uwsgi"), ("scgi", "scgi") })
            http.Line($"{directive}_temp_path {NginxText.Quote(Path.Combine(layout.TempPath, folder))};");
        http.Line("default_type text/plain;")
            .Line("server_tokens off;")
            .Line("server_names_hash_bucket_size 128;")
            .Line("server_names_hash_max_size 4096;")
            .Line("map_hash_bucket_size 128;")
            .Line($"ssl_protocols {edge.Protocols};")
            .Line($"ssl_ciphers {NginxText.Quote(edge.Ciphers)};")
            .Line("ssl_prefer_server_ciphers on;")
            .Line("ssl_session_cache shared:kr_ssl:10m;")
            .Line("ssl_session_timeout 10m;")
            .Line("ssl_session_tickets off;")
            .Line("ssl_buffer_size 4k;")
            .Line("ssl_ecdh_curve auto;")
            .Line("proxy_http_version 1.1;")
            .Line("proxy_connect_timeout 5s;")
            .Line("proxy_redirect off;")
            .Line("proxy_set_header Connection \"\";")
            .Line("proxy_set_header Host $host;")
            .Line("proxy_set_header X-Request-ID $request_id;")
            .Line("proxy_set_header X-Real-IP $remote_addr;")
            .Line("proxy_set_header X-Forwarded-For $remote_addr;")
            .Line("proxy_set_header X-Forwarded-Host $host;")
            .Line("proxy_set_header X-Forwarded-Port $kr_forwarded_port;")
            .Line("proxy_set_header X-Forwarded-Proto $scheme;")
            .Line("proxy_set_header X-Forwarded-Scheme $scheme;")
            .Line("proxy_set_header X-Scheme $scheme;")
            .Line("proxy_set_header X-Original-URI $request_uri;")
            .Line("limit_req_status 503;")
            .Block("map $server_port $kr_forwarded_port", m => m.Line($"{InternalTls.Port} 443;").Line("default $server_port;"))
            .Block($"map $ssl_server_name ${DynamicVariable}", m => m.Line("default \"\";"))
            .Block("map $scheme $kr_hsts", m =>
            {
                if (edge.Hsts is not null) m.Line($"https {NginxText.Quote(edge.Hsts)};");
                m.Line("default \"\";");
            });
        foreach (var limit in site.Limits)
            http.Line($"limit_req_zone $binary_remote_addr zone={limit.Zone}:5m rate={limit.RequestsPerSecond}r/s;");
        var upstreams = site.Hosts.SelectMany(h => h.Locations).Concat(site.DefaultLocations)
            .Select(l => l.Action.Upstream)
            .OfType<Upstream>()
            .Where(u => u.Servers.Count > 0)
            .DistinctBy(u => u.Name);
        foreach (var upstream in upstreams) UpstreamBlock(http, upstream);

        var tlsListen = site.Passthrough.Count > 0 ? InternalTls : new IPEndPoint(site.IngressAddress, 443);
        http.Line("# Default server: unknown hosts, no SNI, addressed by IP.");
        http.Block("server", server =>
        {
            server.Line($"listen {site.IngressAddress}:80 default_server;")
                .Line($"listen {tlsListen} ssl http2 default_server;")
                .Line("server_name _;");
            Certificate(server, site.DefaultCertificate);
            foreach (var location in site.DefaultLocations) Location(server, location, edge);
        });
        foreach (var host in site.Hosts)
        {
            http.Block("server", server =>
            {
                server.Line($"listen {site.IngressAddress}:80;")
                    .Line($"listen {tlsListen} ssl http2;")
                    .Line($"server_name {host.Name};");
                Certificate(server, host.Certificate);
                if (host.HasTls) server.Line("add_header Strict-Transport-Security $kr_hsts always;");
                foreach (var location in host.Locations) Location(server, location, edge);
            });
        }

        http.Block("server", server => server
            .Line($"listen {IPAddress.Loopback}:{StatusPort};")
            .Line("server_name _;")
            .Line("access_log off;")
            .Block($"location = {GenerationPath}", l => l.Line($"return 200 \"{generation.ToString(CultureInfo.InvariantCulture)}\";"))
            .Block("location /", l => l.Line("return 404;")));
    }

    private static void Certificate(NginxText server, TlsMaterial certificate) => server
        .Line($"# certificate: {certificate.Source}")
        .Line($"ssl_certificate {NginxText.QuoteWithVariable(certificate.CertificatePath, DynamicVariable)};")
        .Line($"ssl_certificate_key {NginxText.QuoteWithVariable(certificate.KeyPath, DynamicVariable)};");

    private static void Location(NginxText server, NginxLocation location, EdgePolicy edge)
    {
        var action = location.Action;
        server.Block($"location {(location.Exact ? "= " : string.Empty)}{NginxText.Quote(location.Path)}", body =>
        {
            body.Line("# from " + action.Origin);
            if (action.Redirect && edge.RedirectCode is { } code)
                body.Block("if ($scheme = http)", r => r.Line($"return {code} https://$host$request_uri;"));
            if (action.AnswersStatus)
            {
                body.Line($"return {action.EffectiveStatus};");
                return;
            }

            if (action.Limit is { } limit) body.Line($"limit_req zone={limit.Zone} burst={limit.Burst} nodelay;");
            if (action.AuthFile is not null)
                body.Line($"auth_basic {NginxText.Quote(NginxText.Sanitize(action.AuthRealm))};")
                    .Line($"auth_basic_user_file {NginxText.Quote(action.AuthFile)};");
            body.Line($"proxy_pass http://{action.Upstream!.Name};");
        });
    }

    private static void UpstreamBlock(NginxText block, Upstream upstream) =>
        block.Block($"upstream {upstream.Name}", u =>
        {
            foreach (var server in upstream.Servers) u.Line($"server {server} max_fails=0;");
        });

    private static void Stream(NginxText stream, NginxSite site)
    {
        stream.Line("map_hash_bucket_size 128;");
        foreach (var upstream in site.Proxies.Select(p => p.Upstream).DistinctBy(u => u.Name)) UpstreamBlock(stream, upstream);
        foreach (var proxy in site.Proxies)
            stream.Block("server", s => s.Line("# " + proxy.Origin).Line($"listen {proxy.Listen};").Line($"proxy_pass {proxy.Upstream.Name};"));

        if (site.Passthrough.Count == 0) return;
        foreach (var route in site.Passthrough) UpstreamBlock(stream, route.Upstream);
        stream.Block("map $ssl_preread_server_name $kr_tls_route", m =>
        {
            foreach (var route in site.Passthrough) m.Line($"{route.Host} {route.Upstream.Name};");
            m.Line($"default {InternalTls};");
        });
        stream.Block("server", s => s
            .Line("# tls-passthrough fault: TLS for tenant hosts goes to the pods unopened.")
            .Line($"listen {site.IngressAddress}:443;")
            .Line("ssl_preread on;")
            .Line("proxy_pass $kr_tls_route;"));
    }
}
