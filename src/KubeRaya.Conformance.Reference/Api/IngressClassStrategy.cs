using System.Text.RegularExpressions;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>IngressClasses (cluster-scoped): a controller that is a domain-prefixed path, at most 250 characters, immutable.</summary>
internal sealed partial class IngressClassStrategy : ResourceStrategy<V1IngressClass>
{
    private const int MaxControllerLength = 250;

    protected override void Validate(V1IngressClass obj, List<FieldError> errors)
    {
        var controller = obj.Spec?.Controller ?? "";
        const string at = "spec.controller";
        if (controller.Length > MaxControllerLength) errors.Add(FieldError.TooLong(at, MaxControllerLength));
        if (controller.Length == 0)
        {
            errors.Add(FieldError.Required(at));
            return;
        }

        var segments = controller.Split('/', 2);
        if (segments.Length != 2 || segments[0].Length == 0 || segments[1].Length == 0)
        {
            errors.Add(FieldError.Invalid(at, controller, "must be a domain-prefixed path (such as \"acme.io/foo\")"));
            return;
        }

        errors.AddRange(NameRules.Dns1123Subdomain(segments[0]).Select(m => FieldError.Invalid(at, segments[0], m)));
        if (!HttpPath().IsMatch(segments[1]))
        {
            errors.Add(FieldError.Invalid(at, segments[1], "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"));
        }
    }

    protected override void ValidateUpdate(V1IngressClass obj, V1IngressClass old, List<FieldError> errors)
    {
        if (obj.Spec?.Controller != old.Spec?.Controller) errors.Add(FieldError.Invalid("spec.controller", obj.Spec?.Controller, "field is immutable"));
    }

    [GeneratedRegex("^[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+\\z")]
    private static partial Regex HttpPath();
}
