using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeRaya.Conformance.Targets;

/// <summary>
/// What a cluster must offer before the suite creates anything in it: an IngressClass to deploy against (the one
/// named, or exactly one marked as the cluster default), and the right to create and delete namespaces, Secrets,
/// Services, Deployments and Ingresses, asked of the API server itself with SelfSubjectAccessReviews. Every
/// shortfall is one line naming what is missing and what to do.
/// </summary>
public static class ClusterPreflight
{
    /// <summary>The annotation that marks the cluster's default IngressClass.</summary>
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    /// <summary>The (API group, resource) pairs the suite creates and deletes.</summary>
    public static IReadOnlyList<(string Group, string Resource)> Resources { get; } =
        [("", "namespaces"), ("", "secrets"), ("", "services"), ("apps", "deployments"), ("networking.k8s.io", "ingresses")];

    /// <summary>The verbs needed on each of <see cref="Resources"/>.</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["create", "delete"];

    /// <summary>Checks the cluster; never writes to it (access reviews are answered, not stored).</summary>
    public static async Task<PreflightResult> CheckAsync(IKubernetes client, string? ingressClass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var problems = new List<string>();
        var (chosen, controller) = await IngressClassAsync(client, ingressClass, problems, cancellationToken).ConfigureAwait(false);
        foreach (var (group, resource) in Resources)
        {
            foreach (var verb in Verbs)
            {
                var problem = await AccessProblemAsync(client, verb, group, resource, cancellationToken).ConfigureAwait(false);
                if (problem is not null) problems.Add(problem);
            }
        }
        return new PreflightResult(chosen, controller, problems);
    }

    private static async Task<(string? Name, string? Controller)> IngressClassAsync(IKubernetes client, string? wanted, List<string> problems, CancellationToken cancellationToken)
    {
        V1IngressClassList classes;
        try
        {
            classes = await client.NetworkingV1.ListIngressClassAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e)
        {
            problems.Add($"the IngressClasses cannot be listed ({(int)e.Response.StatusCode} {e.Response.ReasonPhrase}): give the kubeconfig's user 'list' on ingressclasses.networking.k8s.io");
            return (wanted, null);
        }
        var names = string.Join(", ", classes.Items.Select(c => c.Metadata.Name));
        if (wanted is not null)
        {
            var named = classes.Items.FirstOrDefault(c => c.Metadata.Name == wanted);
            if (named is null)
                problems.Add(classes.Items.Count == 0
                    ? $"-IngressClass '{wanted}' does not exist: the cluster has no IngressClass at all; install an ingress controller"
                    : $"-IngressClass '{wanted}' does not exist on the cluster (it has: {names}): give -IngressClass one of those");
            return (wanted, named?.Spec?.Controller);
        }
        var defaults = classes.Items.Where(c => c.Metadata.Annotations?.TryGetValue(DefaultClassAnnotation, out var v) == true && v == "true").ToList();
        if (classes.Items.Count == 0)
            problems.Add("the cluster has no IngressClass: install an ingress controller, or give -IngressClass once one exists");
        else if (defaults.Count == 0)
            problems.Add($"no IngressClass is marked as the cluster default ({DefaultClassAnnotation}: \"true\") and none was named: give -IngressClass (the cluster has: {names})");
        else if (defaults.Count > 1)
            problems.Add($"{defaults.Count} IngressClasses are marked as the cluster default ({string.Join(", ", defaults.Select(c => c.Metadata.Name))}): give -IngressClass to choose one");
        else
            return (defaults[0].Metadata.Name, defaults[0].Spec?.Controller);
        return (null, null);
    }

    private static async Task<string?> AccessProblemAsync(IKubernetes client, string verb, string group, string resource, CancellationToken cancellationToken)
    {
        var qualified = group.Length == 0 ? resource : $"{resource}.{group}";
        var review = new V1SelfSubjectAccessReview
        {
            ApiVersion = "authorization.k8s.io/v1",
            Kind = "SelfSubjectAccessReview",
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = verb, Group = group, Resource = resource } },
        };
        try
        {
            var answer = await client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(review, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (answer.Status?.Allowed == true) return null;
            var why = answer.Status?.Reason is { Length: > 0 } reason ? $": {reason}" : answer.Status?.EvaluationError is { Length: > 0 } error ? $": {error}" : "";
            return $"the kubeconfig's user may not {verb} {qualified} (SelfSubjectAccessReview denied{why}): grant it, e.g. bind a role with {verb} on {qualified}";
        }
        catch (HttpOperationException e)
        {
            return $"could not ask whether the kubeconfig's user may {verb} {qualified}: SelfSubjectAccessReview answered {(int)e.Response.StatusCode} {e.Response.ReasonPhrase}";
        }
    }
}
