using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>Pods: defaulted spec, status Pending at creation, and a spec that updates may change only in its images.</summary>
internal sealed class PodStrategy : ResourceStrategy<V1Pod>
{
    protected override void PrepareForCreate(V1Pod obj, Admission admission)
    {
        obj.Spec ??= new V1PodSpec();
        PodSpecRules.ApplyDefaults(obj.Spec);
        obj.Status = new V1PodStatus { Phase = "Pending" };
    }

    protected override void PrepareForUpdate(V1Pod obj, V1Pod old)
    {
        obj.Spec ??= new V1PodSpec();
        PodSpecRules.ApplyDefaults(obj.Spec);
    }

    protected override void Validate(V1Pod obj, List<FieldError> errors) => PodSpecRules.Validate(obj.Spec, "spec", errors);

    protected override void ValidateUpdate(V1Pod obj, V1Pod old, List<FieldError> errors)
    {
        if (!JsonNode.DeepEquals(WithoutImages(obj.Spec), WithoutImages(old.Spec)))
        {
            errors.Add(FieldError.Forbidden("spec",
                "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"));
        }
    }

    private static JsonObject WithoutImages(V1PodSpec? spec)
    {
        var json = StoredObject.FromModel(spec ?? new V1PodSpec());
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (json[list] as JsonArray ?? []).OfType<JsonObject>()) container.Remove("image");
        }

        return json;
    }
}
