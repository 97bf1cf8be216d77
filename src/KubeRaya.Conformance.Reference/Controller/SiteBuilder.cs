using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using k8s.Models;
using KubeRaya.Conformance.Reference.Faults;
using KubeRaya.Conformance.Reference.Pods;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>
/// Turns the Ingresses of this controller's class, their Secrets and the Services' endpoints into an
/// <see cref="NginxSite"/>, with ingress-nginx's semantics: Ingresses in creation order, the first claim of a host
/// and path wins; Prefix paths match whole path elements (<c>/foo</c> matches /foo and /foo/bar, not /foobar), Exact
/// paths only themselves, ImplementationSpecific paths as nginx prefixes; rules without host and Ingresses with only
/// a default backend serve the default server; a host listed in spec.tls gets its Secret's certificate (the default
/// one when the Secret is unusable), HSTS and a redirect; every server answers 404 for undeclared paths. The
/// Controller faults are applied here and in <see cref="EdgePolicy"/>.
/// </summary>
internal sealed partial class SiteBuilder(string className, FaultSet faults, TlsSecretStore tls, AuthFileStore auth)
{
    /// <summary>The annotation that marks an IngressClass as the default.</summary>
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    /// <summary>The legacy class annotation, still honoured by ingress-nginx.</summary>
    public const string LegacyClassAnnotation = "kubernetes.io/ingress.class";

    private static readonly int[] ReservedNodePorts = [80, 443];

    /// <summary>Builds the site for one snapshot.</summary>
    public NginxSite Build(ClusterSnapshot snapshot, ServiceDirectory services, IPAddress ingressAddress, bool streamAvailable)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<string>();
        var secrets = snapshot.Secrets.ToDictionary(s => s.Metadata.NamespaceProperty + "/" + s.Metadata.Name, StringComparer.Ordinal);
        var ingresses = Ours(snapshot).ToList();
        var hosts = new Dictionary<string, HostDraft>(StringComparer.Ordinal);
        var defaults = new HostDraft(string.Empty);
        var limits = new List<RateLimit>();
        RouteAction? defaultBackend = null;

        // TLS first, so that every rule of a TLS host redirects, whichever Ingress declares the TLS.
        foreach (var ingress in ingresses) ClaimTls(ingress, hosts, secrets, problems);

        foreach (var ingress in ingresses)
        {
            var origin = ingress.Metadata.NamespaceProperty + "/" + ingress.Metadata.Name;
            var annotations = IngressAnnotations.Of(ingress);
            var limit = annotations.LimitRps is { } rps ? new RateLimit(NginxName.Of("kr_rps", origin), rps, rps * annotations.LimitBurstMultiplier) : null;
            if (limit is not null) limits.Add(limit);
            var authFile = AuthFileFor(ingress, annotations, secrets, problems, origin, out var authBroken);

            RouteAction ActionFor(V1IngressBackend? backend, bool hostHasTls) => new(
                authBroken ? null : UpstreamFor(ingress, backend, services, problems, origin),
                503,
                annotations.ForceSslRedirect || (hostHasTls && annotations.SslRedirect),
                authFile,
                annotations.AuthRealm,
                limit,
                origin);

            foreach (var rule in ingress.Spec?.Rules ?? [])
            {
                var hostName = rule.Host?.Trim().ToLowerInvariant();
                if (!string.IsNullOrEmpty(hostName) && !IsValidHost(hostName))
                {
                    problems.Add($"{origin}: host '{rule.Host}' is not a valid host name; rule skipped.");
                    continue;
                }

                var draft = string.IsNullOrEmpty(hostName) ? defaults : Host(hosts, hostName);
                if (annotations is not { AuthSecret: null, LimitRps: null }) draft.PassthroughEligible = false;
                foreach (var path in rule.Http?.Paths ?? [])
                {
                    var text = string.IsNullOrEmpty(path.Path) ? "/" : path.Path;
                    if (!SafePath().IsMatch(text))
                    {
                        problems.Add($"{origin}: path '{path.Path}' is not one this controller can render safely; path skipped.");
                        continue;
                    }

                    var action = ActionFor(path.Backend, draft.HasTls);
                    draft.FirstAction ??= action;
                    draft.Claim(path.PathType, text, action);
                }
            }

            if (ingress.Spec?.DefaultBackend is { } fallback)
            {
                var ruleHosts = (ingress.Spec.Rules ?? []).Select(r => r.Host?.Trim().ToLowerInvariant()).Where(h => !string.IsNullOrEmpty(h) && hosts.ContainsKey(h)).ToList();
                if (ruleHosts.Count == 0) defaultBackend ??= ActionFor(fallback, false);
                foreach (var host in ruleHosts) hosts[host!].Fallback ??= ActionFor(fallback, hosts[host!].HasTls);
            }
        }

        ApplyRoutingFaults(hosts.Values, ref defaultBackend);
        var virtualHosts = hosts.Values
            .Where(h => h.HasLocations || h.HasTls)
            .Select(h => new VirtualHost(h.Name, h.Certificate ?? tls.Default, h.HasTls, h.Finish(h.Fallback ?? RouteAction.NotFound(h.HasTls, "default backend"))))
            .ToList();
        var tenantCertificate = hosts.Values.Select(h => h.Certificate).FirstOrDefault(c => c is not null);

        return new NginxSite(
            ingressAddress,
            EdgePolicy.For(faults),
            faults.Has(FaultSwitch.DefaultCertLeaksTenant) && tenantCertificate is not null ? tenantCertificate : tls.Default,
            defaults.Finish(defaultBackend ?? RouteAction.NotFound(false, "default backend")),
            virtualHosts,
            limits,
            streamAvailable ? Proxies(services, ingressAddress).ToList() : [],
            streamAvailable && faults.Has(FaultSwitch.TlsPassthrough) ? Passthrough(hosts.Values).ToList() : [],
            problems);
    }

    private void ClaimTls(V1Ingress ingress, Dictionary<string, HostDraft> hosts, IReadOnlyDictionary<string, V1Secret> secrets, List<string> problems)
    {
        var ns = ingress.Metadata.NamespaceProperty;
        foreach (var entry in ingress.Spec?.Tls ?? [])
        {
            var entryHosts = entry.Hosts is { Count: > 0 } listed ? listed : (ingress.Spec?.Rules ?? []).Select(r => r.Host).OfType<string>().ToList();
            foreach (var host in entryHosts.Select(h => h.Trim().ToLowerInvariant()).Where(IsValidHost))
            {
                var draft = Host(hosts, host);
                if (draft.HasTls) continue;
                draft.HasTls = true;
                draft.Certificate = string.IsNullOrEmpty(entry.SecretName) ? null : tls.Get(secrets, ns, entry.SecretName);
                if (draft.Certificate is null)
                    problems.Add($"{ns}/{ingress.Metadata.Name}: host {host} is served with the default certificate: Secret {ns}/{entry.SecretName} {tls.Problems.GetValueOrDefault(ns + "/" + entry.SecretName, "is not named")}.");
            }
        }
    }

    /// <summary>The routing faults: path-leak gives every host a catch-all location, catch-all gives one to the default server.</summary>
    private void ApplyRoutingFaults(IEnumerable<HostDraft> hosts, ref RouteAction? defaultBackend)
    {
        var routed = hosts.Where(h => h.FirstAction?.Upstream is not null).ToList();
        if (faults.Has(FaultSwitch.PathLeak))
            foreach (var draft in routed)
                draft.Fallback ??= draft.FirstAction! with { Origin = "fault path-leak" };
        if (faults.Has(FaultSwitch.CatchAll) && routed.Count > 0)
            defaultBackend ??= new RouteAction(routed[0].FirstAction!.Upstream, 503, false, null, string.Empty, null, "fault catch-all");
    }

    /// <summary>True when the Ingress belongs to this controller.</summary>
    public bool IsOurs(V1Ingress ingress, IReadOnlyList<V1IngressClass> classes)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var named = ingress.Spec?.IngressClassName;
        if (string.IsNullOrEmpty(named)) ingress.Metadata?.Annotations?.TryGetValue(LegacyClassAnnotation, out named);
        if (!string.IsNullOrEmpty(named)) return named == className;
        return classes.Any(c => c.Metadata?.Name == className
            && c.Metadata.Annotations?.TryGetValue(DefaultClassAnnotation, out var isDefault) == true
            && string.Equals(isDefault, "true", StringComparison.OrdinalIgnoreCase));
    }

    private IEnumerable<V1Ingress> Ours(ClusterSnapshot snapshot) =>
        snapshot.Ingresses
            .Where(i => IsOurs(i, snapshot.IngressClasses))
            .OrderBy(i => i.Metadata.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(i => i.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(i => i.Metadata.Name, StringComparer.Ordinal);

    private string? AuthFileFor(V1Ingress ingress, IngressAnnotations annotations, IReadOnlyDictionary<string, V1Secret> secrets, List<string> problems, string origin, out bool broken)
    {
        broken = false;
        if (annotations.AuthSecret is not { } reference) return null;
        string? file = null;
        if (reference.Namespace != ingress.Metadata.NamespaceProperty)
            problems.Add($"{origin}: auth-secret {reference.Namespace}/{reference.Name} is in another namespace, which is not allowed; requests get 503.");
        else if ((file = auth.Get(secrets, reference.Namespace, reference.Name, annotations.AuthSecretIsMap)) is null)
            problems.Add($"{origin}: auth-secret {reference.Namespace}/{reference.Name} is missing or holds no users; requests get 503.");
        broken = file is null;
        return file;
    }

    private static Upstream? UpstreamFor(V1Ingress ingress, V1IngressBackend? backend, ServiceDirectory services, List<string> problems, string origin)
    {
        if (backend?.Service is not { } service)
        {
            problems.Add($"{origin}: a backend names no Service (resource backends are not supported); it answers 503.");
            return null;
        }

        var ns = ingress.Metadata.NamespaceProperty;
        if (services.Resolve(ns, service.Name, service.Port) is not { } resolved)
        {
            problems.Add($"{origin}: Service {ns}/{service.Name} port {service.Port?.Name ?? service.Port?.Number?.ToString(CultureInfo.InvariantCulture)} does not exist; it answers 503.");
            return new Upstream(NginxName.Of(ns, service.Name, service.Port?.Name ?? service.Port?.Number?.ToString(CultureInfo.InvariantCulture) ?? "none"), []);
        }

        return new Upstream(NginxName.Of(ns, resolved.Service, resolved.ServicePort.ToString(CultureInfo.InvariantCulture)), resolved.Ready)
        {
            PassthroughServers = resolved.PassthroughTls,
        };
    }

    /// <summary>The nginx locations of one Ingress path, by path type.</summary>
    internal static IEnumerable<NginxLocation> LocationsFor(string? pathType, string path, RouteAction action)
    {
        switch (pathType)
        {
            case "Exact":
                yield return new NginxLocation(true, path, action);
                break;
            case "Prefix":
                var trimmed = path.TrimEnd('/');
                if (trimmed.Length == 0)
                {
                    yield return new NginxLocation(false, "/", action);
                    break;
                }

                yield return new NginxLocation(true, trimmed, action);
                yield return new NginxLocation(false, trimmed + "/", action);
                break;
            default:
                yield return new NginxLocation(false, path, action);
                break;
        }
    }

    private static IEnumerable<StreamProxy> Proxies(ServiceDirectory services, IPAddress ingressAddress)
    {
        foreach (var service in services.Services.OrderBy(s => s.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            var origin = service.Metadata.NamespaceProperty + "/" + service.Metadata.Name;
            var clusterIp = ServiceDirectory.ClusterIp(service);
            foreach (var port in (service.Spec?.Ports ?? []).Where(p => p.Protocol is null or "TCP"))
            {
                var backend = services.Resolve(service, port);
                if (backend.Ready.Count == 0) continue;
                var upstream = new Upstream(NginxName.Of("tcp", origin, port.Port.ToString(CultureInfo.InvariantCulture)), backend.Ready);
                if (clusterIp is not null) yield return new StreamProxy(new IPEndPoint(clusterIp, port.Port), upstream, origin + " ClusterIP");
                if (service.Spec?.Type is "NodePort" or "LoadBalancer" && port.NodePort is > 0 and < 65536 && !ReservedNodePorts.Contains(port.NodePort.Value))
                    yield return new StreamProxy(new IPEndPoint(ingressAddress, port.NodePort.Value), upstream, origin + " NodePort");
            }
        }
    }

    private static IEnumerable<PassthroughRoute> Passthrough(IEnumerable<HostDraft> hosts)
    {
        foreach (var host in hosts.Where(h => h is { HasTls: true, PassthroughEligible: true } && !h.Name.StartsWith('*')))
        {
            if ((host.RootAction ?? host.FirstAction)?.Upstream is not { PassthroughServers.Count: > 0 } upstream) continue;
            yield return new PassthroughRoute(host.Name, new Upstream(NginxName.Of("tls", host.Name), upstream.PassthroughServers), host.Certificate);
        }
    }

    private static HostDraft Host(Dictionary<string, HostDraft> hosts, string name)
    {
        if (!hosts.TryGetValue(name, out var draft)) hosts[name] = draft = new HostDraft(name);
        return draft;
    }

    private static bool IsValidHost(string host) => ValidHost().IsMatch(host);

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex ValidHost();

    [GeneratedRegex(@"^/[A-Za-z0-9/._~%!&'()*+,=:@-]*$")]
    private static partial Regex SafePath();

    /// <summary>A host being assembled: claims are first-come, except that an Exact path beats the exact half of a Prefix path.</summary>
    private sealed class HostDraft(string name)
    {
        private readonly Dictionary<(bool Exact, string Path), NginxLocation> claims = [];
        private readonly HashSet<(bool Exact, string Path)> fromPrefix = [];

        public string Name { get; } = name;

        public bool HasTls { get; set; }

        public bool PassthroughEligible { get; set; } = true;

        public TlsMaterial? Certificate { get; set; }

        public RouteAction? FirstAction { get; set; }

        public RouteAction? Fallback { get; set; }

        public RouteAction? RootAction => claims.TryGetValue((false, "/"), out var root) ? root.Action : null;

        public bool HasLocations => claims.Count > 0;

        public void Claim(string? pathType, string path, RouteAction action)
        {
            foreach (var location in LocationsFor(pathType, path, action))
            {
                var key = (location.Exact, location.Path);
                var exactOverPrefix = pathType == "Exact" && fromPrefix.Remove(key);
                if (!claims.TryAdd(key, location) && !exactOverPrefix) continue;
                claims[key] = location;
                if (pathType == "Prefix" && location.Exact) fromPrefix.Add(key);
            }
        }

        public IReadOnlyList<NginxLocation> Finish(RouteAction fallback)
        {
            claims.TryAdd((false, "/"), new NginxLocation(false, "/", fallback));
            return [.. claims.Values.OrderBy(l => l.Path, StringComparer.Ordinal).ThenByDescending(l => l.Exact)];
        }
    }
}
