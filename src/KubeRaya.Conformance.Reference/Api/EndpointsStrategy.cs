using System.Net;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>Endpoints: addresses that are IP addresses, valid and named ports; a PUT on a missing object creates it.</summary>
internal sealed class EndpointsStrategy : ResourceStrategy<V1Endpoints>
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    protected override void PrepareForCreate(V1Endpoints obj, Admission admission) => ApplyDefaults(obj);

    protected override void PrepareForUpdate(V1Endpoints obj, V1Endpoints old) => ApplyDefaults(obj);

    protected override void Validate(V1Endpoints obj, List<FieldError> errors)
    {
        var subsets = obj.Subsets ?? [];
        for (var i = 0; i < subsets.Count; i++)
        {
            var subset = subsets[i];
            ValidateAddresses(subset.Addresses, $"subsets[{i}].addresses", errors);
            ValidateAddresses(subset.NotReadyAddresses, $"subsets[{i}].notReadyAddresses", errors);
            var ports = subset.Ports ?? [];
            for (var j = 0; j < ports.Count; j++)
            {
                var port = ports[j];
                var at = $"subsets[{i}].ports[{j}]";
                if (ports.Count > 1 && string.IsNullOrEmpty(port.Name)) errors.Add(FieldError.Required($"{at}.name"));
                errors.AddRange(NameRules.PortNumber(port.Port).Select(m => FieldError.Invalid($"{at}.port", port.Port, m)));
                if (!Protocols.Contains(port.Protocol)) errors.Add(FieldError.NotSupported($"{at}.protocol", port.Protocol, Protocols));
            }
        }
    }

    private static void ValidateAddresses(IList<V1EndpointAddress>? addresses, string path, List<FieldError> errors)
    {
        for (var i = 0; i < (addresses?.Count ?? 0); i++)
        {
            var ip = addresses![i].Ip;
            if (!IPAddress.TryParse(ip ?? "", out _))
            {
                errors.Add(FieldError.Invalid($"{path}[{i}].ip", ip ?? "", "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
            }
        }
    }

    private static void ApplyDefaults(V1Endpoints obj)
    {
        foreach (var port in (obj.Subsets ?? []).SelectMany(s => s.Ports ?? [])) port.Protocol ??= "TCP";
    }
}
