using System.Globalization;
using System.Net;
using k8s.Models;
using KubeRaya.Conformance.Reference.Network;

namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>
/// Plays the endpoints controller: matches each Service's selector against the current pods and resolves Service
/// ports to pod endpoints (target port by number or by container-port name, defaulting to the Service port). The
/// same resolution feeds both the Endpoints objects reported to the API server and nginx's upstreams.
/// </summary>
public sealed class ServiceDirectory
{
    private readonly Dictionary<string, V1Service> services;
    private readonly IReadOnlyList<PodState> pods;

    /// <summary>Builds the directory over these Services and pods.</summary>
    public ServiceDirectory(IEnumerable<V1Service> services, IReadOnlyList<PodState> pods)
    {
        this.services = services.ToDictionary(s => Key(s.Metadata.NamespaceProperty, s.Metadata.Name), StringComparer.Ordinal);
        this.pods = pods;
    }

    /// <summary>All Services.</summary>
    public IEnumerable<V1Service> Services => services.Values;

    /// <summary>The Service, or null.</summary>
    public V1Service? Find(string ns, string name) => services.GetValueOrDefault(Key(ns, name));

    /// <summary>The running pods the Service selects (none for a Service without selector).</summary>
    public IEnumerable<PodState> PodsOf(V1Service service) =>
        pods.Where(p => p.Namespace == service.Metadata.NamespaceProperty && p.Phase == PodPhase.Running && p.Address is not null && p.Matches(service.Spec?.Selector));

    /// <summary>
    /// The backend of Service <paramref name="name"/> at the port named or numbered by <paramref name="port"/>;
    /// null when the Service or port does not exist.
    /// </summary>
    public ServiceBackend? Resolve(string ns, string name, V1ServiceBackendPort? port)
    {
        if (Find(ns, name) is not { } service) return null;
        var servicePort = (service.Spec?.Ports ?? []).FirstOrDefault(p =>
            (port?.Number is { } number && p.Port == number) || (port?.Name is { Length: > 0 } portName && p.Name == portName));
        return servicePort is null ? null : Resolve(service, servicePort);
    }

    /// <summary>The backend of one port of a Service.</summary>
    public ServiceBackend Resolve(V1Service service, V1ServicePort servicePort)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(servicePort);
        var ready = new List<IPEndPoint>();
        var tls = new List<IPEndPoint>();
        foreach (var pod in PodsOf(service).Where(p => p.Ready))
        {
            if (TargetPort(servicePort, pod) is not { } target) continue;
            ready.Add(new IPEndPoint(pod.Address!, target));
            if (pod.TlsPort is { } tlsPort) tls.Add(new IPEndPoint(pod.Address!, tlsPort));
        }

        return new ServiceBackend(service.Metadata.NamespaceProperty, service.Metadata.Name, servicePort.Port, ready, tls);
    }

    /// <summary>The pod port a Service port targets: a number, a container-port name, or the Service port itself.</summary>
    public static int? TargetPort(V1ServicePort servicePort, PodState pod)
    {
        ArgumentNullException.ThrowIfNull(servicePort);
        ArgumentNullException.ThrowIfNull(pod);
        var target = servicePort.TargetPort?.Value;
        if (string.IsNullOrEmpty(target)) return servicePort.Port;
        return int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : pod.PortNamed(target);
    }

    /// <summary>The ClusterIP of a Service when it is one the platform may use (inside 127.96.0.0/16), else null.</summary>
    public static IPAddress? ClusterIp(V1Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return IPAddress.TryParse(service.Spec?.ClusterIP, out var address) && Ipv4Prefix.ClusterIps.Contains(address) ? address : null;
    }

    /// <summary>The Endpoints object of a Service, as the endpoints controller would write it.</summary>
    public V1Endpoints EndpointsOf(V1Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var subsets = new List<V1EndpointSubset>();
        var selected = PodsOf(service).ToList();
        foreach (var group in selected.GroupBy(pod => string.Join(',', (service.Spec?.Ports ?? []).Select(sp => TargetPort(sp, pod)))))
        {
            var sample = group.First();
            var ports = (service.Spec?.Ports ?? [])
                .Select(sp => (sp, target: TargetPort(sp, sample)))
                .Where(x => x.target is not null)
                .Select(x => new Corev1EndpointPort { Name = x.sp.Name, Port = x.target!.Value, Protocol = x.sp.Protocol ?? "TCP" })
                .ToList();
            if (ports.Count == 0) continue;
            subsets.Add(new V1EndpointSubset
            {
                Addresses = NullIfEmpty(group.Where(p => p.Ready).Select(Address).ToList()),
                NotReadyAddresses = NullIfEmpty(group.Where(p => !p.Ready).Select(Address).ToList()),
                Ports = ports,
            });
        }

        return new V1Endpoints
        {
            ApiVersion = "v1",
            Kind = "Endpoints",
            Metadata = new V1ObjectMeta
            {
                Name = service.Metadata.Name,
                NamespaceProperty = service.Metadata.NamespaceProperty,
                Labels = service.Metadata.Labels is null ? null : new Dictionary<string, string>(service.Metadata.Labels),
            },
            Subsets = subsets.Count == 0 ? null : subsets,
        };

        static V1EndpointAddress Address(PodState pod) => new()
        {
            Ip = pod.Address!.ToString(),
            TargetRef = new V1ObjectReference { Kind = "Pod", Name = pod.Name, NamespaceProperty = pod.Namespace },
        };
    }

    private static List<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;

    private static string Key(string ns, string name) => ns + "/" + name;
}
