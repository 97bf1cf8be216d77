using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace KubeRaya.Conformance.Targets;

/// <summary>
/// Checks a kind cluster configuration against the fields of kind's <c>kind.x-k8s.io/v1alpha4</c> Cluster type
/// (kind reads it strictly: an unknown field is an error) and against what the harness needs from it: one
/// control-plane node labelled <c>ingress-ready=true</c> (where the kind manifests of ingress controllers schedule)
/// with ports 80 and 443 mapped to 127.0.0.1, so probes reach the ingress on loopback.
/// </summary>
public static class KindClusterConfig
{
    /// <summary>The apiVersion kind reads.</summary>
    public const string ApiVersion = "kind.x-k8s.io/v1alpha4";

    private static readonly string[] ClusterFields =
        ["kind", "apiVersion", "name", "nodes", "networking", "featureGates", "runtimeConfig", "kubeadmConfigPatches", "kubeadmConfigPatchesJSON6902", "containerdConfigPatches", "containerdConfigPatchesJSON6902"];
    private static readonly string[] NodeFields =
        ["role", "image", "labels", "extraMounts", "extraPortMappings", "gpus", "kubeadmConfigPatches", "kubeadmConfigPatchesJSON6902"];
    private static readonly string[] PortMappingFields = ["containerPort", "hostPort", "listenAddress", "protocol"];
    private static readonly string[] MountFields = ["containerPath", "hostPath", "readOnly", "selinuxRelabel", "propagation"];
    private static readonly string[] NetworkingFields =
        ["ipFamily", "apiServerPort", "apiServerAddress", "podSubnet", "serviceSubnet", "disableDefaultCNI", "kubeProxyMode", "dnsSearch"];

    /// <summary>The default configuration of a checkout.</summary>
    public static string DefaultPath(string repositoryRoot) => Path.Combine(repositoryRoot, "kind-config", "cluster.yaml");

    /// <summary>Every problem of the configuration, one line each; empty when kind and the harness can use it.</summary>
    public static IReadOnlyList<string> Problems(string yaml)
    {
        var problems = new List<string>();
        if (Parse(yaml, problems) is not { } cluster) return problems;
        Unknown(cluster, ClusterFields, "", problems);
        if (Text(cluster, "kind") != "Cluster") problems.Add($"kind is '{Text(cluster, "kind")}', expected 'Cluster'");
        if (Text(cluster, "apiVersion") != ApiVersion) problems.Add($"apiVersion is '{Text(cluster, "apiVersion")}', expected '{ApiVersion}'");
        if (cluster.TryGetValue("networking", out var networking) && networking is Dictionary<object, object> net) Unknown(net, NetworkingFields, "networking.", problems);

        var nodes = (cluster.TryGetValue("nodes", out var list) ? list as List<object> : null)?.OfType<Dictionary<object, object>>().ToList() ?? [];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            Unknown(node, NodeFields, $"nodes[{i}].", problems);
            if (Text(node, "role") is { } role && role is not ("control-plane" or "worker")) problems.Add($"nodes[{i}].role is '{role}', expected control-plane or worker");
            var mappings = Items(node, "extraPortMappings");
            for (var j = 0; j < mappings.Count; j++)
            {
                Unknown(mappings[j], PortMappingFields, $"nodes[{i}].extraPortMappings[{j}].", problems);
                if (Text(mappings[j], "protocol") is { } protocol && protocol is not ("TCP" or "UDP" or "SCTP")) problems.Add($"nodes[{i}].extraPortMappings[{j}].protocol is '{protocol}', expected TCP, UDP or SCTP");
            }
            foreach (var mount in Items(node, "extraMounts")) Unknown(mount, MountFields, $"nodes[{i}].extraMounts[].", problems);
        }

        var ingressNodes = nodes.Where(n => (Text(n, "role") ?? "control-plane") == "control-plane" && IsIngressReady(n)).ToList();
        if (ingressNodes.Count != 1)
        {
            problems.Add($"{ingressNodes.Count} control-plane nodes are labelled ingress-ready=true, expected exactly one (labels: {{ingress-ready: \"true\"}})");
            return problems;
        }
        foreach (var port in new[] { 80, 443 })
        {
            var mapped = Items(ingressNodes[0], "extraPortMappings").Any(m =>
                Number(m, "containerPort") == port && Number(m, "hostPort") == port && Text(m, "listenAddress") == "127.0.0.1" && (Text(m, "protocol") ?? "TCP") == "TCP");
            if (!mapped) problems.Add($"the ingress-ready node does not map containerPort {port} to hostPort {port} on listenAddress 127.0.0.1 (TCP)");
        }
        return problems;
    }

    /// <summary>The image of the ingress-ready control-plane node, or null when the configuration leaves it to kind's default.</summary>
    public static string? NodeImage(string yaml)
    {
        var cluster = Parse(yaml, []);
        var nodes = (cluster?.TryGetValue("nodes", out var list) == true ? list as List<object> : null)?.OfType<Dictionary<object, object>>() ?? [];
        return nodes.Where(n => (Text(n, "role") ?? "control-plane") == "control-plane").Select(n => Text(n, "image")).FirstOrDefault(i => i is not null);
    }

    private static Dictionary<object, object>? Parse(string yaml, List<string> problems)
    {
        try
        {
            if (new DeserializerBuilder().Build().Deserialize<object>(yaml) is Dictionary<object, object> cluster) return cluster;
            problems.Add("the file is not a YAML mapping");
        }
        catch (YamlException e)
        {
            problems.Add($"the file does not parse as YAML ({e.Message.Split('\n')[0]})");
        }
        return null;
    }

    private static bool IsIngressReady(Dictionary<object, object> node) =>
        node.TryGetValue("labels", out var labels) && labels is Dictionary<object, object> map
        && map.TryGetValue("ingress-ready", out var value) && value?.ToString() == "true";

    private static void Unknown(Dictionary<object, object> map, string[] known, string prefix, List<string> problems)
    {
        foreach (var key in map.Keys.Select(k => k.ToString() ?? "").Where(k => !known.Contains(k, StringComparer.Ordinal)))
            problems.Add($"{prefix}{key} is not a field of kind's {ApiVersion} config (kind rejects unknown fields)");
    }

    private static List<Dictionary<object, object>> Items(Dictionary<object, object> map, string key) =>
        (map.TryGetValue(key, out var value) ? value as List<object> : null)?.OfType<Dictionary<object, object>>().ToList() ?? [];

    private static string? Text(Dictionary<object, object> map, string key) => map.TryGetValue(key, out var value) ? value?.ToString() : null;

    private static int? Number(Dictionary<object, object> map, string key) =>
        int.TryParse(Text(map, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
