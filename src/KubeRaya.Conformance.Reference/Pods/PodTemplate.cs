using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Pods;

/// <summary>What the platform reads from a Deployment's pod template: its hash, labels, ports and names.</summary>
internal static class PodTemplate
{
    /// <summary>The port an echo pod listens on when its template declares none.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The port where a pod terminates TLS itself under tls-passthrough, unless a container port takes it.</summary>
    public const int PreferredTlsPort = 8443;

    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>A stable 10-character hash of the template, used as the pod-template-hash label.</summary>
    public static string Hash(V1PodTemplateSpec? template)
    {
        var json = template is null ? "{}" : KubernetesJson.Serialize(template);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..10];
    }

    /// <summary>The template's labels plus pod-template-hash.</summary>
    public static IReadOnlyDictionary<string, string> Labels(V1PodTemplateSpec? template, string hash)
    {
        var labels = new Dictionary<string, string>(template?.Metadata?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["pod-template-hash"] = hash,
        };
        return labels;
    }

    /// <summary>Every TCP container port of every container, or <see cref="DefaultPort"/> when there is none.</summary>
    public static IReadOnlyList<PodPort> Ports(V1PodTemplateSpec? template)
    {
        var ports = (template?.Spec?.Containers ?? [])
            .SelectMany(c => c.Ports ?? [])
            .Where(p => p.Protocol is null or "TCP" && p.ContainerPort is > 0 and < 65536)
            .Select(p => new PodPort(p.Name, p.ContainerPort))
            .DistinctBy(p => p.Number)
            .ToList();
        return ports.Count > 0 ? ports : [new PodPort(null, DefaultPort)];
    }

    /// <summary>The TLS port for a pod with these ports.</summary>
    public static int TlsPort(IReadOnlyList<PodPort> ports)
    {
        var port = PreferredTlsPort;
        while (ports.Any(p => p.Number == port)) port++;
        return port;
    }

    /// <summary>A fresh pod name: deployment, template hash and five random characters, as a ReplicaSet names its pods.</summary>
    public static string NewPodName(string deployment, string hash)
    {
        var suffix = new string([.. Enumerable.Range(0, 5).Select(_ => NameAlphabet[RandomNumberGenerator.GetInt32(NameAlphabet.Length)])]);
        return $"{deployment}-{hash}-{suffix}";
    }
}
