using System.Net;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Services: DNS-1035 names; defaulted type, protocols, target ports and policies; ports required (unless
/// headless or ExternalName), valid and unique; a cluster IP allocated from <see cref="ServiceAddresses.ClusterIPRange"/>
/// (or checked when requested) that never changes; node ports allocated for NodePort and LoadBalancer Services
/// and forbidden for the others.
/// </summary>
internal sealed class ServiceStrategy : ResourceStrategy<V1Service>
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];
    private static readonly string[] Affinities = ["ClientIP", "None"];

    protected override IReadOnlyList<string> ValidateName(string name) => NameRules.Dns1035Label(name);

    protected override void PrepareForCreate(V1Service obj, Admission admission)
    {
        ApplyDefaults(obj);
        obj.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() };
    }

    protected override void PrepareForUpdate(V1Service obj, V1Service old)
    {
        ApplyDefaults(obj);
        var spec = obj.Spec;
        if (UsesClusterIP(obj) && UsesClusterIP(old) && string.IsNullOrEmpty(spec.ClusterIP))
        {
            spec.ClusterIP = old.Spec.ClusterIP;
            spec.ClusterIPs = old.Spec.ClusterIPs;
        }

        var oldPorts = old.Spec.Ports ?? [];
        foreach (var port in spec.Ports ?? [])
        {
            var before = oldPorts.FirstOrDefault(p => p.Port == port.Port && p.Protocol == port.Protocol);
            if (UsesNodePorts(obj) && UsesNodePorts(old) && port.NodePort is null or 0) port.NodePort = before?.NodePort;
            if (!UsesNodePorts(obj) && port.NodePort is not null && port.NodePort == before?.NodePort) port.NodePort = null;
        }

        if (!ExternallyAccessible(obj) && spec.ExternalTrafficPolicy is not null && spec.ExternalTrafficPolicy == old.Spec.ExternalTrafficPolicy)
        {
            spec.ExternalTrafficPolicy = null;
        }

        if (spec.Type == "ExternalName" && spec.ClusterIP == old.Spec.ClusterIP)
        {
            spec.ClusterIP = null;
            spec.ClusterIPs = null;
            spec.IpFamilies = null;
            spec.IpFamilyPolicy = null;
        }
    }

    protected override void Validate(V1Service obj, List<FieldError> errors)
    {
        var spec = obj.Spec;
        if (!Types.Contains(spec.Type)) errors.Add(FieldError.NotSupported("spec.type", spec.Type, Types));
        if (!Affinities.Contains(spec.SessionAffinity)) errors.Add(FieldError.NotSupported("spec.sessionAffinity", spec.SessionAffinity, Affinities));
        var ports = spec.Ports ?? [];
        if (ports.Count == 0 && spec.ClusterIP != "None" && spec.Type != "ExternalName") errors.Add(FieldError.Required("spec.ports"));
        ValidatePorts(obj, ports, errors);
        if (spec.Type == "ExternalName")
        {
            if (string.IsNullOrEmpty(spec.ExternalName)) errors.Add(FieldError.Required("spec.externalName"));
            else errors.AddRange(NameRules.Dns1123Subdomain(spec.ExternalName.TrimEnd('.')).Select(m => FieldError.Invalid("spec.externalName", spec.ExternalName, m)));
        }
        else if (!string.IsNullOrEmpty(spec.ClusterIP) && spec.ClusterIP != "None" && !NameRules.IsIPv4(spec.ClusterIP))
        {
            errors.Add(FieldError.Invalid("spec.clusterIPs[0]", spec.ClusterIP, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }

        if (spec.ClusterIP == "None" && spec.Type is "NodePort" or "LoadBalancer")
        {
            errors.Add(FieldError.Invalid("spec.clusterIPs[0]", "None", $"may not be set to 'None' for {spec.Type} services"));
        }

        if (!ExternallyAccessible(obj) && spec.ExternalTrafficPolicy is not null)
        {
            errors.Add(FieldError.Invalid("spec.externalTrafficPolicy", spec.ExternalTrafficPolicy, "may only be set for externally-accessible services"));
        }

        ValidateLabels(spec.Selector, "spec.selector", errors);
    }

    protected override void ValidateUpdate(V1Service obj, V1Service old, List<FieldError> errors)
    {
        if (UsesClusterIP(obj) && UsesClusterIP(old) && obj.Spec.ClusterIP != old.Spec.ClusterIP)
        {
            errors.Add(FieldError.InvalidPrinted("spec.clusterIPs[0]", FieldError.PrintList(obj.Spec.ClusterIPs ?? [obj.Spec.ClusterIP]), "may not change once set"));
        }
    }

    protected override void Allocate(V1Service obj, V1Service? old, Admission admission, List<FieldError> errors)
    {
        var spec = obj.Spec;
        var others = admission.Store.EnumerateLocked(admission.Kind, null)
            .Where(s => StoredObject.Key(s) != new ObjectKey(obj.Metadata.NamespaceProperty ?? "", obj.Metadata.Name))
            .Select(s => k8s.KubernetesJson.Deserialize<V1Service>(s))
            .ToList();
        if (UsesClusterIP(obj))
        {
            var used = others.Select(s => s.Spec?.ClusterIP).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(spec.ClusterIP))
            {
                spec.ClusterIP = ServiceAddresses.AllocateClusterIP(used);
                if (spec.ClusterIP is null) errors.Add(FieldError.Invalid("spec.clusterIPs", "", "failed to allocate a serviceIP: range is full"));
            }
            else if (spec.ClusterIP != old?.Spec.ClusterIP)
            {
                var requested = spec.ClusterIP;
                if (!ServiceAddresses.InClusterIPRange(IPAddress.Parse(requested)))
                {
                    errors.Add(FieldError.InvalidPrinted("spec.clusterIPs", FieldError.PrintList([requested]),
                        $"failed to allocate IP {requested}: provided IP is not in the valid range. The range of valid IPs is {ServiceAddresses.ClusterIPRange}"));
                }
                else if (used.Contains(requested))
                {
                    errors.Add(FieldError.InvalidPrinted("spec.clusterIPs", FieldError.PrintList([requested]),
                        $"failed to allocate IP {requested}: provided IP is already allocated"));
                }
            }

            spec.ClusterIPs = spec.ClusterIP is null ? null : [spec.ClusterIP];
        }
        else if (spec.ClusterIP == "None")
        {
            spec.ClusterIPs = ["None"];
        }

        if (spec.Type != "ExternalName")
        {
            spec.IpFamilies ??= ["IPv4"];
            spec.IpFamilyPolicy ??= "SingleStack";
        }

        if (UsesNodePorts(obj)) AllocateNodePorts(obj, old, others, errors);
    }

    private static void AllocateNodePorts(V1Service obj, V1Service? old, List<V1Service> others, List<FieldError> errors)
    {
        var used = others.SelectMany(s => s.Spec?.Ports ?? []).Select(p => p.NodePort).OfType<int>().ToHashSet();
        var ports = obj.Spec.Ports ?? [];
        var previous = (old?.Spec.Ports ?? []).Select(p => p.NodePort).OfType<int>().ToHashSet();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (port.NodePort is null or 0)
            {
                port.NodePort = ServiceAddresses.AllocateNodePort(used);
                if (port.NodePort is null) errors.Add(FieldError.Invalid($"spec.ports[{i}].nodePort", "", "failed to allocate a nodePort: range is full"));
            }
            else if (!previous.Contains(port.NodePort.Value))
            {
                var requested = port.NodePort.Value;
                if (requested is < ServiceAddresses.NodePortMin or > ServiceAddresses.NodePortMax)
                {
                    errors.Add(FieldError.Invalid($"spec.ports[{i}].nodePort", requested,
                        $"provided port is not in the valid range. The range of valid ports is {ServiceAddresses.NodePortMin}-{ServiceAddresses.NodePortMax}"));
                }
                else if (used.Contains(requested))
                {
                    errors.Add(FieldError.Invalid($"spec.ports[{i}].nodePort", requested, "provided port is already allocated"));
                }
            }

            if (port.NodePort is { } allocated) used.Add(allocated);
        }
    }

    private static void ValidatePorts(V1Service obj, IList<V1ServicePort> ports, List<FieldError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var at = $"spec.ports[{i}]";
            if (string.IsNullOrEmpty(port.Name))
            {
                if (ports.Count > 1) errors.Add(FieldError.Required($"{at}.name"));
            }
            else if (!names.Add(port.Name))
            {
                errors.Add(FieldError.Duplicate($"{at}.name", port.Name));
            }
            else
            {
                errors.AddRange(NameRules.Dns1123Label(port.Name).Select(m => FieldError.Invalid($"{at}.name", port.Name, m)));
            }

            errors.AddRange(NameRules.PortNumber(port.Port).Select(m => FieldError.Invalid($"{at}.port", port.Port, m)));
            if (!Protocols.Contains(port.Protocol)) errors.Add(FieldError.NotSupported($"{at}.protocol", port.Protocol, Protocols));
            var target = port.TargetPort?.Value ?? "";
            if (int.TryParse(target, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                errors.AddRange(NameRules.PortNumber(number).Select(m => FieldError.Invalid($"{at}.targetPort", number, m)));
            }
            else
            {
                errors.AddRange(NameRules.PortName(target).Select(m => FieldError.Invalid($"{at}.targetPort", target, m)));
            }

            if (port.NodePort is not null and not 0 && !UsesNodePorts(obj))
            {
                errors.Add(FieldError.Forbidden($"{at}.nodePort", $"may not be used when `type` is '{obj.Spec.Type}'"));
            }

            if (!keys.Add($"{port.Port}/{port.Protocol}")) errors.Add(FieldError.Duplicate(at, $"{port.Port}/{port.Protocol}"));
        }
    }

    private static void ApplyDefaults(V1Service obj)
    {
        obj.Spec ??= new V1ServiceSpec();
        var spec = obj.Spec;
        if (string.IsNullOrEmpty(spec.Type)) spec.Type = "ClusterIP";
        if (string.IsNullOrEmpty(spec.ClusterIP) && spec.ClusterIPs is [var first, ..]) spec.ClusterIP = first;
        spec.SessionAffinity ??= "None";
        foreach (var port in spec.Ports ?? [])
        {
            port.Protocol ??= "TCP";
            if (string.IsNullOrEmpty(port.TargetPort?.Value) || port.TargetPort.Value == "0") port.TargetPort = (IntOrString)port.Port;
        }

        if (spec.Type != "ExternalName") spec.InternalTrafficPolicy ??= "Cluster";
        if (ExternallyAccessible(obj)) spec.ExternalTrafficPolicy ??= "Cluster";
        if (spec.Type == "LoadBalancer") spec.AllocateLoadBalancerNodePorts ??= true;
    }

    private static bool ExternallyAccessible(V1Service service) => service.Spec?.Type is "NodePort" or "LoadBalancer";

    private static bool UsesClusterIP(V1Service service) => service.Spec?.Type != "ExternalName" && service.Spec?.ClusterIP != "None";

    private static bool UsesNodePorts(V1Service service) =>
        service.Spec?.Type == "NodePort" || (service.Spec?.Type == "LoadBalancer" && service.Spec.AllocateLoadBalancerNodePorts != false);
}
