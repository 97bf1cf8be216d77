using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Server-side tables (<c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>), which kubectl asks for
/// when it prints: the columns a real API server prints for each kind (e.g. an Ingress's class, hosts,
/// address and ports), with each row's object metadata so that <c>-A</c> can show namespaces.
/// </summary>
internal static class ObjectTables
{
    private sealed record Column(string Name, string Type, int Priority, Func<JsonObject, DateTimeOffset, JsonNode?> Cell);

    /// <summary>True when the Accept header asks for a meta.k8s.io Table.</summary>
    public static bool Requested(string? accept) =>
        accept is not null && accept.Split(',').Any(type =>
        {
            var parameters = type.Split(';').Select(p => p.Trim()).ToList();
            return parameters.Contains("as=Table") && parameters.Contains("g=meta.k8s.io");
        });

    /// <summary>A Table of the objects; <paramref name="includeObject"/> is the query's <c>includeObject</c> (None, Metadata or Object).</summary>
    public static JsonObject Build(ResourceKind kind, IEnumerable<JsonObject> objects, JsonObject listMetadata, string? includeObject, DateTimeOffset now)
    {
        var columns = ColumnsOf(kind);
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata.DeepClone(),
            ["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Name == "Name" ? "name" : "",
                ["description"] = c.Name,
                ["priority"] = c.Priority,
            })]),
            ["rows"] = new JsonArray([.. objects.Select(o => (JsonNode)Row(kind, o, columns, includeObject, now))]),
        };
    }

    private static JsonObject Row(ResourceKind kind, JsonObject obj, IReadOnlyList<Column> columns, string? includeObject, DateTimeOffset now)
    {
        var row = new JsonObject { ["cells"] = new JsonArray([.. columns.Select(c => c.Cell(obj, now))]) };
        switch (includeObject)
        {
            case "None":
                break;
            case "Object":
                var full = (JsonObject)obj.DeepClone();
                full["apiVersion"] = kind.ApiVersion;
                full["kind"] = kind.Kind;
                row["object"] = full;
                break;
            default:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
                break;
        }

        return row;
    }

    private static List<Column> ColumnsOf(ResourceKind kind)
    {
        var columns = new List<Column> { new("Name", "string", 0, (o, _) => StoredObject.Name(o)) };
        columns.AddRange(kind.Kind switch
        {
            "Namespace" => [Text("Status", "status", "phase")],
            "Secret" => [Text("Type", "type"), new("Data", "string", 0, (o, _) => Count(o["data"]))],
            "ConfigMap" => [new Column("Data", "string", 0, (o, _) => Count(o["data"]) + Count(o["binaryData"]))],
            "Service" =>
            [
                Text("Type", "spec", "type"),
                Text("Cluster-IP", "spec", "clusterIP"),
                new("External-IP", "string", 0, (o, _) => ServiceExternalIPs(o)),
                new("Port(s)", "string", 0, (o, _) => ServicePorts(o)),
            ],
            "Pod" =>
            [
                new("Ready", "string", 0, (o, _) => PodReady(o)),
                Text("Status", "status", "phase"),
                new("Restarts", "string", 0, (o, _) => Items(o["status"]?["containerStatuses"]).Sum(c => Number(c["restartCount"])).ToString(CultureInfo.InvariantCulture)),
            ],
            "Endpoints" => [new Column("Endpoints", "string", 0, (o, _) => EndpointAddresses(o))],
            "EndpointSlice" =>
            [
                Text("AddressType", "addressType"),
                new("Ports", "string", 0, (o, _) => Join(Items(o["ports"]).Select(p => StoredObject.FieldValue(p, ["port"])))),
                new("Endpoints", "string", 0, (o, _) => Join(Items(o["endpoints"]).SelectMany(e => Items(e["addresses"]).Select(a => a.GetValue<string>())))),
            ],
            "Event" =>
            [
                Text("Type", "type"),
                Text("Reason", "reason"),
                new("Object", "string", 0, (o, _) => $"{StoredObject.Text(o, "involvedObject", "kind")?.ToLowerInvariant()}/{StoredObject.Text(o, "involvedObject", "name")}"),
                Text("Message", "message"),
            ],
            "Deployment" =>
            [
                new("Ready", "string", 0, (o, _) => $"{Number(o["status"]?["readyReplicas"])}/{Number(o["spec"]?["replicas"])}"),
                new("Up-to-date", "integer", 0, (o, _) => Number(o["status"]?["updatedReplicas"])),
                new("Available", "integer", 0, (o, _) => Number(o["status"]?["availableReplicas"])),
            ],
            "Ingress" =>
            [
                new("Class", "string", 0, (o, _) => StoredObject.Text(o, "spec", "ingressClassName") ?? "<none>"),
                new("Hosts", "string", 0, (o, _) => IngressHosts(o)),
                new("Address", "string", 0, (o, _) => Join(Items(o["status"]?["loadBalancer"]?["ingress"]).Select(i => StoredObject.Text(i, "ip") ?? StoredObject.Text(i, "hostname")).OfType<string>(), "")),
                new("Ports", "string", 0, (o, _) => Items(o["spec"]?["tls"]).Any() ? "80, 443" : "80"),
            ],
            "IngressClass" =>
            [
                Text("Controller", "spec", "controller"),
                new("Parameters", "string", 0, (o, _) => StoredObject.Text(o, "spec", "parameters", "name") ?? "<none>"),
            ],
            _ => [],
        });
        columns.Add(new Column("Age", "string", 0, (o, now) => Age(StoredObject.Text(o, "metadata", "creationTimestamp"), now)));
        return columns;
    }

    private static Column Text(string name, params string[] path) => new(name, "string", 0, (o, _) => StoredObject.Text(o, path) ?? "");

    private static IEnumerable<JsonNode> Items(JsonNode? node) => node is JsonArray array ? array.OfType<JsonNode>() : [];

    private static int Count(JsonNode? node) => node is JsonObject o ? o.Count : 0;

    private static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n
        : node is JsonValue i && i.TryGetValue<int>(out var m) ? m : 0;

    private static string Join(IEnumerable<string> values, string empty = "<none>")
    {
        var text = string.Join(",", values);
        return text.Length == 0 ? empty : text;
    }

    private static string ServiceExternalIPs(JsonObject service)
    {
        var addresses = Items(service["status"]?["loadBalancer"]?["ingress"]).Select(i => StoredObject.Text(i, "ip") ?? StoredObject.Text(i, "hostname")).OfType<string>()
            .Concat(Items(service["spec"]?["externalIPs"]).Select(a => a.GetValue<string>()))
            .ToList();
        if (addresses.Count > 0) return string.Join(",", addresses);
        return StoredObject.Text(service, "spec", "type") == "LoadBalancer" ? "<pending>" : "<none>";
    }

    private static string ServicePorts(JsonObject service) => Join(Items(service["spec"]?["ports"]).Select(p =>
    {
        var nodePort = Number(p["nodePort"]);
        var port = StoredObject.FieldValue(p, ["port"]);
        return (nodePort > 0 ? $"{port}:{nodePort}" : port) + "/" + (StoredObject.Text(p, "protocol") ?? "TCP");
    }));

    private static string PodReady(JsonObject pod)
    {
        var statuses = Items(pod["status"]?["containerStatuses"]).ToList();
        var total = Items(pod["spec"]?["containers"]).Count();
        var ready = statuses.Count(s => s["ready"] is JsonValue v && v.TryGetValue<bool>(out var r) && r);
        return $"{ready}/{total}";
    }

    private static string EndpointAddresses(JsonObject endpoints) => Join(Items(endpoints["subsets"]).SelectMany(subset =>
    {
        var ports = Items(subset["ports"]).Select(p => StoredObject.FieldValue(p, ["port"])).DefaultIfEmpty("").ToList();
        return Items(subset["addresses"]).SelectMany(a => ports.Select(p => p.Length == 0 ? StoredObject.Text(a, "ip") ?? "" : $"{StoredObject.Text(a, "ip")}:{p}"));
    }));

    private static string IngressHosts(JsonObject ingress)
    {
        var hosts = Items(ingress["spec"]?["rules"]).Select(r => StoredObject.Text(r, "host")).ToList();
        return hosts.Count == 0 ? "*" : string.Join(",", hosts.Select(h => string.IsNullOrEmpty(h) ? "*" : h));
    }

    /// <summary>An age as the API server prints it: <c>45s</c>, <c>3m12s</c>, <c>25m</c>, <c>5h3m</c>, <c>2d4h</c>.</summary>
    private static string Age(string? created, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)) return "<unknown>";
        var age = now - since;
        var seconds = (long)age.TotalSeconds;
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 120) return $"{seconds}s";
        var minutes = seconds / 60;
        if (minutes < 10) return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        if (minutes < 180) return $"{minutes}m";
        var hours = minutes / 60;
        if (hours < 8) return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        if (hours < 48) return $"{hours}h";
        if (hours < 24 * 8) return hours % 24 == 0 ? $"{hours / 24}d" : $"{hours / 24}d{hours % 24}h";
        if (hours < 24 * 365 * 2) return $"{hours / 24}d";
        var days = hours / 24;
        return days % 365 == 0 || hours >= 24 * 365 * 8 ? $"{days / 365}y" : $"{days / 365}y{days % 365}d";
    }
}
