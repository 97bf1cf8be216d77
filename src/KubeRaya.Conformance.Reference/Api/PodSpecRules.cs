using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>The defaults and validation the API server applies to a pod spec, alone (Pods) or in a template (Deployments).</summary>
internal static class PodSpecRules
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];
    private static readonly string[] RestartPolicies = ["Always", "Never", "OnFailure"];
    private static readonly string[] DnsPolicies = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];

    public static void ApplyDefaults(V1PodSpec spec)
    {
        spec.RestartPolicy ??= "Always";
        spec.DnsPolicy ??= "ClusterFirst";
        spec.SchedulerName ??= "default-scheduler";
        spec.TerminationGracePeriodSeconds ??= 30;
        spec.SecurityContext ??= new V1PodSecurityContext();
        spec.EnableServiceLinks ??= true;
        foreach (var container in (spec.Containers ?? []).Concat(spec.InitContainers ?? []))
        {
            container.TerminationMessagePath ??= "/dev/termination-log";
            container.TerminationMessagePolicy ??= "File";
            container.ImagePullPolicy ??= PullsAlways(container.Image) ? "Always" : "IfNotPresent";
            container.Resources ??= new V1ResourceRequirements();
            foreach (var port in container.Ports ?? []) port.Protocol ??= "TCP";
        }
    }

    public static void Validate(V1PodSpec? spec, string path, List<FieldError> errors)
    {
        spec ??= new V1PodSpec();
        if (spec.Containers is not { Count: > 0 }) errors.Add(FieldError.Required($"{path}.containers"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        ValidateContainers(spec.Containers, $"{path}.containers", names, errors);
        ValidateContainers(spec.InitContainers, $"{path}.initContainers", names, errors);
        if (!RestartPolicies.Contains(spec.RestartPolicy)) errors.Add(FieldError.NotSupported($"{path}.restartPolicy", spec.RestartPolicy, RestartPolicies));
        if (!DnsPolicies.Contains(spec.DnsPolicy)) errors.Add(FieldError.NotSupported($"{path}.dnsPolicy", spec.DnsPolicy, DnsPolicies));
    }

    private static void ValidateContainers(IList<V1Container>? containers, string path, HashSet<string> names, List<FieldError> errors)
    {
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            var container = containers![i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrEmpty(container.Name)) errors.Add(FieldError.Required($"{at}.name"));
            else if (!names.Add(container.Name)) errors.Add(FieldError.Duplicate($"{at}.name", container.Name));
            else errors.AddRange(NameRules.Dns1123Label(container.Name).Select(m => FieldError.Invalid($"{at}.name", container.Name, m)));
            if (string.IsNullOrWhiteSpace(container.Image)) errors.Add(FieldError.Required($"{at}.image"));
            if (!PullPolicies.Contains(container.ImagePullPolicy)) errors.Add(FieldError.NotSupported($"{at}.imagePullPolicy", container.ImagePullPolicy, PullPolicies));
            ValidatePorts(container.Ports, $"{at}.ports", errors);
        }
    }

    private static void ValidatePorts(IList<V1ContainerPort>? ports, string path, List<FieldError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            var port = ports![i];
            var at = $"{path}[{i}]";
            if (!string.IsNullOrEmpty(port.Name))
            {
                errors.AddRange(NameRules.PortName(port.Name).Select(m => FieldError.Invalid($"{at}.name", port.Name, m)));
                if (!names.Add(port.Name)) errors.Add(FieldError.Duplicate($"{at}.name", port.Name));
            }

            if (port.ContainerPort == 0) errors.Add(FieldError.Required($"{at}.containerPort"));
            else errors.AddRange(NameRules.PortNumber(port.ContainerPort).Select(m => FieldError.Invalid($"{at}.containerPort", port.ContainerPort, m)));
            if (!Protocols.Contains(port.Protocol)) errors.Add(FieldError.NotSupported($"{at}.protocol", port.Protocol, Protocols));
        }
    }

    /// <summary>Images without a tag, or tagged <c>latest</c>, are pulled always; digests and other tags if not present.</summary>
    private static bool PullsAlways(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.Contains('@', StringComparison.Ordinal)) return false;
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon < 0 || lastSegment[(colon + 1)..] == "latest";
    }
}
