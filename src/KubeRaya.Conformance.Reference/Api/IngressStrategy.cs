using System.Net;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Ingresses (networking.k8s.io/v1): a default backend or rules; hosts that are DNS names (wildcards allowed,
/// IP addresses not); every path with a pathType (Exact, Prefix or ImplementationSpecific) and, for Exact and
/// Prefix, an absolute path without <c>//</c>, <c>/./</c>, <c>/../</c> or encoded slashes; backends naming a
/// service with a port name or number; TLS hosts and secret names that are DNS names. New Ingresses without a
/// class get the default IngressClass (annotation <c>ingressclass.kubernetes.io/is-default-class: "true"</c>).
/// </summary>
internal sealed class IngressStrategy : ResourceStrategy<V1Ingress>
{
    private const string ClassAnnotation = "kubernetes.io/ingress.class";
    private const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";
    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];
    private static readonly string[] InvalidSequences = ["//", "/./", "/../", "%2f", "%2F"];
    private static readonly string[] InvalidSuffixes = ["/..", "/."];

    protected override void PrepareForCreate(V1Ingress obj, Admission admission)
    {
        obj.Spec ??= new V1IngressSpec();
        obj.Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus() };
        if (obj.Spec.IngressClassName is null && obj.Metadata.Annotations?.ContainsKey(ClassAnnotation) != true)
        {
            obj.Spec.IngressClassName = admission.Store.EnumerateLocked(ResourceCatalog.IngressClasses, null)
                .Where(c => StoredObject.Text(c, "metadata", "annotations", DefaultClassAnnotation) == "true")
                .OrderByDescending(c => StoredObject.Text(c, "metadata", "creationTimestamp"), StringComparer.Ordinal)
                .Select(StoredObject.Name)
                .FirstOrDefault();
        }
        else if (obj.Spec.IngressClassName is not null && obj.Metadata.Annotations?.TryGetValue(ClassAnnotation, out var annotated) == true)
        {
            throw ApiStatusException.Invalid(admission.Kind, obj.Metadata.Name ?? "",
                [FieldError.Invalid($"annotations.{ClassAnnotation}", annotated, "can not be set when the class field is also set")]);
        }
    }

    protected override void PrepareForUpdate(V1Ingress obj, V1Ingress old) => obj.Spec ??= new V1IngressSpec();

    protected override void Validate(V1Ingress obj, List<FieldError> errors)
    {
        var spec = obj.Spec;
        var rules = spec.Rules ?? [];
        if (spec.DefaultBackend is null && rules.Count == 0)
        {
            errors.Add(FieldError.InvalidPrinted("spec", "[]networking.IngressRule(nil)", "either `defaultBackend` or `rules` must be specified"));
        }

        if (spec.DefaultBackend is not null) ValidateBackend(spec.DefaultBackend, "spec.defaultBackend", errors);
        for (var i = 0; i < rules.Count; i++) ValidateRule(rules[i], $"spec.rules[{i}]", errors);
        var tls = spec.Tls ?? [];
        for (var i = 0; i < tls.Count; i++)
        {
            var hosts = tls[i].Hosts ?? [];
            for (var j = 0; j < hosts.Count; j++)
            {
                errors.AddRange(NameRules.IngressHost(hosts[j] ?? "").Select(m => FieldError.Invalid($"spec.tls[{i}].hosts[{j}]", hosts[j], m)));
            }

            var secretName = tls[i].SecretName;
            if (!string.IsNullOrEmpty(secretName))
            {
                errors.AddRange(NameRules.Dns1123Subdomain(secretName).Select(m => FieldError.Invalid($"spec.tls[{i}].secretName", secretName, m)));
            }
        }

        if (spec.IngressClassName is { } className)
        {
            errors.AddRange(NameRules.Dns1123Subdomain(className).Select(m => FieldError.Invalid("spec.ingressClassName", className, m)));
        }
    }

    protected override void ValidateStatus(V1Ingress obj, List<FieldError> errors)
    {
        var entries = obj.Status?.LoadBalancer?.Ingress ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"status.loadBalancer.ingress[{i}]";
            if (entries[i].Ip is { Length: > 0 } ip && !IPAddress.TryParse(ip, out _))
            {
                errors.Add(FieldError.Invalid($"{at}.ip", ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
            }

            if (entries[i].Hostname is { Length: > 0 } hostname)
            {
                if (IPAddress.TryParse(hostname, out _)) errors.Add(FieldError.Invalid($"{at}.hostname", hostname, "must be a DNS name, not an IP address"));
                else errors.AddRange(NameRules.Dns1123Subdomain(hostname).Select(m => FieldError.Invalid($"{at}.hostname", hostname, m)));
            }
        }
    }

    private static void ValidateRule(V1IngressRule rule, string at, List<FieldError> errors)
    {
        if (!string.IsNullOrEmpty(rule.Host))
        {
            errors.AddRange(NameRules.IngressHost(rule.Host).Select(m => FieldError.Invalid($"{at}.host", rule.Host, m)));
        }

        if (rule.Http is null) return;
        var paths = rule.Http.Paths ?? [];
        if (paths.Count == 0) errors.Add(FieldError.Required($"{at}.http.paths"));
        for (var j = 0; j < paths.Count; j++) ValidatePath(paths[j], $"{at}.http.paths[{j}]", errors);
    }

    private static void ValidatePath(V1HTTPIngressPath path, string at, List<FieldError> errors)
    {
        var value = path.Path ?? "";
        if (path.PathType is null)
        {
            errors.Add(FieldError.Required($"{at}.pathType", "pathType must be specified"));
        }
        else if (path.PathType is "Exact" or "Prefix")
        {
            if (!value.StartsWith('/')) errors.Add(FieldError.Invalid($"{at}.path", value, "must be an absolute path"));
            if (value.Length > 0)
            {
                errors.AddRange(InvalidSequences.Where(s => value.Contains(s, StringComparison.Ordinal))
                    .Select(s => FieldError.Invalid($"{at}.path", value, $"must not contain '{s}'")));
                errors.AddRange(InvalidSuffixes.Where(s => value.EndsWith(s, StringComparison.Ordinal))
                    .Select(s => FieldError.Invalid($"{at}.path", value, $"cannot end with '{s}'")));
            }
        }
        else if (path.PathType == "ImplementationSpecific")
        {
            if (value.Length > 0 && !value.StartsWith('/')) errors.Add(FieldError.Invalid($"{at}.path", value, "must be an absolute path"));
        }
        else
        {
            errors.Add(FieldError.NotSupported($"{at}.pathType", path.PathType, PathTypes));
        }

        if (path.Backend is null) errors.Add(FieldError.Invalid($"{at}.backend", "", "resource or service backend is required"));
        else ValidateBackend(path.Backend, $"{at}.backend", errors);
    }

    private static void ValidateBackend(V1IngressBackend backend, string at, List<FieldError> errors)
    {
        if (backend.Resource is not null && backend.Service is not null)
        {
            errors.Add(FieldError.Invalid(at, "", "cannot set both resource and service backends"));
            return;
        }

        if (backend.Resource is not null)
        {
            if (string.IsNullOrEmpty(backend.Resource.Kind)) errors.Add(FieldError.Required($"{at}.resource.kind"));
            if (string.IsNullOrEmpty(backend.Resource.Name)) errors.Add(FieldError.Required($"{at}.resource.name"));
            return;
        }

        if (backend.Service is null)
        {
            errors.Add(FieldError.Invalid(at, "", "resource or service backend is required"));
            return;
        }

        var service = backend.Service;
        if (string.IsNullOrEmpty(service.Name)) errors.Add(FieldError.Required($"{at}.service.name"));
        else errors.AddRange(NameRules.Dns1035Label(service.Name).Select(m => FieldError.Invalid($"{at}.service.name", service.Name, m)));
        var portName = service.Port?.Name ?? "";
        var portNumber = service.Port?.Number ?? 0;
        if (portName.Length > 0 && portNumber != 0)
        {
            errors.Add(FieldError.Invalid(at, "", "cannot set both port name & port number"));
        }
        else if (portName.Length > 0)
        {
            errors.AddRange(NameRules.PortName(portName).Select(m => FieldError.Invalid($"{at}.service.port.name", portName, m)));
        }
        else if (portNumber != 0)
        {
            errors.AddRange(NameRules.PortNumber(portNumber).Select(m => FieldError.Invalid($"{at}.service.port.number", portNumber, m)));
        }
        else
        {
            errors.Add(FieldError.Required(at, "port name or number is required"));
        }
    }
}
