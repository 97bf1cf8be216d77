using System.Net;
using System.Net.Sockets;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// EndpointSlices (discovery.k8s.io/v1): an immutable address type (IPv4, IPv6 or FQDN), one to a hundred addresses
/// per endpoint of that type, valid ports. kubectl describe reads them for Services and Ingress backends.
/// </summary>
internal sealed class EndpointSliceStrategy : ResourceStrategy<V1EndpointSlice>
{
    private static readonly string[] AddressTypes = ["FQDN", "IPv4", "IPv6"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    protected override void PrepareForCreate(V1EndpointSlice obj, Admission admission) => ApplyDefaults(obj);

    protected override void PrepareForUpdate(V1EndpointSlice obj, V1EndpointSlice old) => ApplyDefaults(obj);

    protected override void Validate(V1EndpointSlice obj, List<FieldError> errors)
    {
        if (!AddressTypes.Contains(obj.AddressType))
        {
            errors.Add(string.IsNullOrEmpty(obj.AddressType) ? FieldError.Required("addressType") : FieldError.NotSupported("addressType", obj.AddressType, AddressTypes));
        }

        var endpoints = obj.Endpoints ?? [];
        for (var i = 0; i < endpoints.Count; i++)
        {
            var addresses = endpoints[i].Addresses ?? [];
            var at = $"endpoints[{i}].addresses";
            if (addresses.Count == 0) errors.Add(FieldError.Required(at, "must contain at least 1 address"));
            if (addresses.Count > 100) errors.Add(FieldError.Invalid(at, addresses.Count, "must contain at most 100 addresses"));
            for (var j = 0; j < addresses.Count; j++)
            {
                var address = addresses[j] ?? "";
                var problem = obj.AddressType switch
                {
                    "IPv4" => IsIP(address, AddressFamily.InterNetwork) ? null : "must be a valid IPv4 address",
                    "IPv6" => IsIP(address, AddressFamily.InterNetworkV6) ? null : "must be a valid IPv6 address",
                    _ => NameRules.Dns1123Subdomain(address) is [var first, ..] ? first : null,
                };
                if (problem is not null) errors.Add(FieldError.Invalid($"{at}[{j}]", address, problem));
            }
        }

        var ports = obj.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (port.Port is { } number) errors.AddRange(NameRules.PortNumber(number).Select(m => FieldError.Invalid($"ports[{i}].port", number, m)));
            if (!Protocols.Contains(port.Protocol)) errors.Add(FieldError.NotSupported($"ports[{i}].protocol", port.Protocol, Protocols));
        }
    }

    protected override void ValidateUpdate(V1EndpointSlice obj, V1EndpointSlice old, List<FieldError> errors)
    {
        if (obj.AddressType != old.AddressType) errors.Add(FieldError.Invalid("addressType", obj.AddressType, "field is immutable"));
    }

    private static bool IsIP(string text, AddressFamily family) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == family && (family != AddressFamily.InterNetwork || text.Count(c => c == '.') == 3);

    private static void ApplyDefaults(V1EndpointSlice obj)
    {
        foreach (var port in obj.Ports ?? []) port.Protocol ??= "TCP";
    }
}
