using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Deployments (apps/v1): defaulted replicas, strategy and template; a selector that is required, non-empty,
/// immutable and matching the template's labels; a template that restarts always; status reset on creation.
/// </summary>
internal sealed class DeploymentStrategy : ResourceStrategy<V1Deployment>
{
    private static readonly string[] StrategyTypes = ["Recreate", "RollingUpdate"];
    private static readonly string[] Operators = ["DoesNotExist", "Exists", "In", "NotIn"];

    protected override void PrepareForCreate(V1Deployment obj, Admission admission)
    {
        ApplyDefaults(obj);
        obj.Status = new V1DeploymentStatus();
    }

    protected override void PrepareForUpdate(V1Deployment obj, V1Deployment old) => ApplyDefaults(obj);

    protected override void Validate(V1Deployment obj, List<FieldError> errors)
    {
        var spec = obj.Spec;
        if (spec.Selector is null)
        {
            errors.Add(FieldError.Required("spec.selector"));
        }
        else
        {
            ValidateSelector(spec.Selector, errors);
            var templateLabels = spec.Template?.Metadata?.Labels;
            var labels = new Dictionary<string, string>(templateLabels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            if (!LabelSelector.FromModel(spec.Selector).Matches(labels))
            {
                errors.Add(FieldError.InvalidPrinted("spec.template.metadata.labels", FieldError.PrintMap(templateLabels),
                    "`selector` does not match template `labels`"));
            }
        }

        if (spec.Replicas < 0) errors.Add(FieldError.Invalid("spec.replicas", spec.Replicas.Value, "must be greater than or equal to 0"));
        if (spec.RevisionHistoryLimit < 0) errors.Add(FieldError.Invalid("spec.revisionHistoryLimit", spec.RevisionHistoryLimit.Value, "must be greater than or equal to 0"));
        if (!StrategyTypes.Contains(spec.Strategy?.Type)) errors.Add(FieldError.NotSupported("spec.strategy.type", spec.Strategy?.Type, StrategyTypes));
        ValidateLabels(spec.Template?.Metadata?.Labels, "spec.template.metadata.labels", errors);
        PodSpecRules.Validate(spec.Template?.Spec, "spec.template.spec", errors);
        var restartPolicy = spec.Template?.Spec?.RestartPolicy;
        if (restartPolicy is not null and not "Always")
        {
            errors.Add(FieldError.NotSupported("spec.template.spec.restartPolicy", restartPolicy, ["Always"]));
        }
    }

    protected override void ValidateUpdate(V1Deployment obj, V1Deployment old, List<FieldError> errors)
    {
        if (!JsonNode.DeepEquals(StoredObject.FromModel(obj.Spec.Selector ?? new V1LabelSelector()), StoredObject.FromModel(old.Spec.Selector ?? new V1LabelSelector())))
        {
            errors.Add(FieldError.InvalidPrinted("spec.selector", Print(obj.Spec.Selector), "field is immutable"));
        }
    }

    private static void ApplyDefaults(V1Deployment obj)
    {
        obj.Spec ??= new V1DeploymentSpec();
        var spec = obj.Spec;
        spec.Replicas ??= 1;
        spec.RevisionHistoryLimit ??= 10;
        spec.ProgressDeadlineSeconds ??= 600;
        spec.Strategy ??= new V1DeploymentStrategy();
        spec.Strategy.Type ??= "RollingUpdate";
        if (spec.Strategy.Type == "RollingUpdate")
        {
            spec.Strategy.RollingUpdate ??= new V1RollingUpdateDeployment();
            spec.Strategy.RollingUpdate.MaxUnavailable ??= (IntOrString)"25%";
            spec.Strategy.RollingUpdate.MaxSurge ??= (IntOrString)"25%";
        }

        spec.Template ??= new V1PodTemplateSpec();
        spec.Template.Spec ??= new V1PodSpec();
        PodSpecRules.ApplyDefaults(spec.Template.Spec);
    }

    private static void ValidateSelector(V1LabelSelector selector, List<FieldError> errors)
    {
        ValidateLabels(selector.MatchLabels, "spec.selector.matchLabels", errors);
        var expressions = selector.MatchExpressions ?? [];
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var at = $"spec.selector.matchExpressions[{i}]";
            errors.AddRange(NameRules.QualifiedName(expression.Key ?? "").Select(m => FieldError.Invalid($"{at}.key", expression.Key, m)));
            if (!Operators.Contains(expression.OperatorProperty))
            {
                errors.Add(FieldError.Invalid($"{at}.operator", expression.OperatorProperty, "not a valid selector operator"));
            }
            else if (expression.OperatorProperty is "In" or "NotIn" && expression.Values is not { Count: > 0 })
            {
                errors.Add(FieldError.Required($"{at}.values", "must be specified when `operator` is 'In' or 'NotIn'"));
            }
            else if (expression.OperatorProperty is "Exists" or "DoesNotExist" && expression.Values is { Count: > 0 })
            {
                errors.Add(FieldError.Forbidden($"{at}.values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
            }
        }

        if ((selector.MatchLabels?.Count ?? 0) + expressions.Count == 0)
        {
            errors.Add(FieldError.InvalidPrinted("spec.selector", Print(selector), "empty selector is invalid for deployment"));
        }
    }

    /// <summary>A label selector as the server prints it in messages.</summary>
    private static string Print(V1LabelSelector? selector)
    {
        var expressions = selector?.MatchExpressions is { Count: > 0 } list
            ? "[]v1.LabelSelectorRequirement{" + string.Join(", ", list.Select(e =>
                $"v1.LabelSelectorRequirement{{Key:{FieldError.Quote(e.Key)}, Operator:{FieldError.Quote(e.OperatorProperty)}, Values:{FieldError.PrintList(e.Values)}}}")) + "}"
            : "[]v1.LabelSelectorRequirement(nil)";
        return $"v1.LabelSelector{{MatchLabels:{FieldError.PrintMap(selector?.MatchLabels)}, MatchExpressions:{expressions}}}";
    }
}
