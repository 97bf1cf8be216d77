using k8s.Models;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// KR-PRIV-01, statically: every Service behind an Ingress is of type ClusterIP without externalIPs (one verdict per
/// Service), and no other NodePort, LoadBalancer or externalIPs Service selects the pods of such a backend (one
/// failure per exposing Service). Pods are found through the workloads in the set; where the set holds none, a
/// Service whose selector is contained in a backend's selector is taken to select its pods, since it selects
/// every pod that backend could.
/// </summary>
public sealed class BackendServiceJudge : IObjectJudge
{
    private const string ClusterIp = "ClusterIP";
    private const string Fix = "make it spec.type: ClusterIP without nodePort or externalIPs; the Ingress is the application's only public entry";

    /// <inheritdoc />
    public string ControlId => "KR-PRIV-01";

    /// <inheritdoc />
    public IEnumerable<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var backends = Backends(objects);
        var bySelectorPair = new Dictionary<(string Namespace, string Key, string Value), List<AuditedObject<V1Service>>>();
        foreach (var ((namespaceName, name), via) in backends)
        {
            var service = objects.FindService(namespaceName, name);
            var host = IngressFacts.Describe(via.Host);
            var expected = $"Service {namespaceName}/{name}, behind {via.Ingress.Reference}, is of type ClusterIP without externalIPs";
            if (service is null)
            {
                yield return Verdict.Skip(ControlId, host, expected, objects.Scope == ObjectSetScope.Cluster
                    ? $"skipped: Service {namespaceName}/{name} does not exist, so {via.Ingress.Reference} exposes nothing through it"
                    : $"skipped: Service {namespaceName}/{name} not in the audited set").About(via.Ingress);
                continue;
            }
            foreach (var pair in service.Value.Spec?.Selector ?? new Dictionary<string, string>())
            {
                var key = (namespaceName, pair.Key, pair.Value);
                if (!bySelectorPair.TryGetValue(key, out var list)) bySelectorPair[key] = list = [];
                list.Add(service);
            }
            var exposure = Exposure(service.Value);
            yield return (exposure is null
                ? Verdict.Pass(ControlId, host, expected, $"{service.Reference} is of type ClusterIP without externalIPs")
                : Verdict.Fail(ControlId, host, expected, $"{service.Reference} {exposure}").WithFix(Fix)).About(service);
        }

        foreach (var service in objects.Services)
        {
            if (backends.ContainsKey((service.Namespace, service.Name)) || Exposure(service.Value) is not { } exposure) continue;
            var selector = service.Value.Spec?.Selector;
            if (selector is not { Count: > 0 }) continue;
            if (SelectedBackend(objects, service, selector, bySelectorPair) is not { } found) continue;
            var via = backends[(found.Backend.Namespace, found.Backend.Name)];
            var host = IngressFacts.Describe(via.Host);
            yield return Verdict.Fail(ControlId, host, $"no NodePort, LoadBalancer or externalIPs Service selects the pods behind {via.Ingress.Reference}",
                    $"{service.Reference} {exposure} and selects {found.Pods}, which {found.Backend.Reference} serves to {via.Ingress.Reference}")
                .WithFix($"make {service.Reference} a ClusterIP Service or delete it; reach the application through the Ingress only")
                .About(service);
        }
    }

    /// <summary>The Services Ingresses route to, each with the first Ingress and host that reach it.</summary>
    private static Dictionary<(string Namespace, string Name), (AuditedObject<V1Ingress> Ingress, string Host)> Backends(ObjectSet objects)
    {
        var backends = new Dictionary<(string, string), (AuditedObject<V1Ingress>, string)>();
        foreach (var ingress in objects.Ingresses)
        {
            if (ingress.Value.Spec?.DefaultBackend?.Service?.Name is { Length: > 0 } fallback)
            {
                backends.TryAdd((ingress.Namespace, fallback), (ingress, ""));
            }
            foreach (var route in IngressFacts.Routes(ingress.Value).Where(r => !string.IsNullOrEmpty(r.ServiceName)))
            {
                backends.TryAdd((ingress.Namespace, route.ServiceName!), (ingress, route.Host));
            }
        }
        return backends;
    }

    /// <summary>How the Service is reachable from outside the cluster, in words; null for a plain ClusterIP Service.</summary>
    private static string? Exposure(V1Service service)
    {
        var type = string.IsNullOrEmpty(service.Spec?.Type) ? ClusterIp : service.Spec.Type;
        var findings = new List<string>();
        if (type != ClusterIp)
        {
            var nodePorts = (service.Spec?.Ports ?? []).Where(p => p.NodePort is > 0).Select(p => p.NodePort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            findings.Add(nodePorts.Count > 0 ? $"is of type {type} (node ports {string.Join(", ", nodePorts)})" : $"is of type {type}");
        }
        if (service.Spec?.ExternalIPs is { Count: > 0 } external)
        {
            findings.Add($"has externalIPs {string.Join(", ", external)}");
        }
        return findings.Count == 0 ? null : string.Join(" and ", findings);
    }

    /// <summary>A backend Service whose pods the exposing Service also selects, and those pods in words.</summary>
    private static (AuditedObject<V1Service> Backend, string Pods)? SelectedBackend(
        ObjectSet objects, AuditedObject<V1Service> exposing, IDictionary<string, string> selector,
        Dictionary<(string Namespace, string Key, string Value), List<AuditedObject<V1Service>>> bySelectorPair)
    {
        var selected = objects.WorkloadsIn(exposing.Namespace).Where(w => w.IsSelectedBy(selector)).ToList();
        foreach (var workload in selected)
        {
            var backend = workload.Labels
                .SelectMany(label => bySelectorPair.GetValueOrDefault((exposing.Namespace, label.Key, label.Value)) ?? [])
                .FirstOrDefault(b => workload.IsSelectedBy(b.Value.Spec?.Selector));
            if (backend is not null) return (backend, $"the pods of {workload.Owner.Reference}");
        }
        if (selected.Count > 0) return null;
        var first = selector.First();
        var containing = (bySelectorPair.GetValueOrDefault((exposing.Namespace, first.Key, first.Value)) ?? [])
            .FirstOrDefault(b => selector.All(pair => b.Value.Spec!.Selector.TryGetValue(pair.Key, out var value) && value == pair.Value));
        return containing is null ? null : (containing, $"every pod {containing.Reference} selects");
    }
}
