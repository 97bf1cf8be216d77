using FluentAssertions;
using k8s;
using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Runs;
using KubeRaya.Conformance.Targets;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>The existing target's preflight, against the reference API server and an API that denies one right.</summary>
public sealed class ClusterPreflightTests
{
    [Fact]
    public async Task A_cluster_with_one_default_class_and_every_right_is_ready_and_the_default_class_is_chosen()
    {
        await using var api = await StartAsync(("kuberaya-nginx", true), ("other", false));

        var result = await ClusterPreflight.CheckAsync(api.Client, null, CancellationToken.None);

        result.Problems.Should().BeEmpty();
        result.IngressClass.Should().Be("kuberaya-nginx");
        result.IngressController.Should().Be("example.test/kuberaya-nginx");
    }

    [Fact]
    public async Task A_named_class_the_cluster_lacks_is_one_line_naming_the_classes_it_has()
    {
        await using var api = await StartAsync(("kuberaya-nginx", true));

        var result = await ClusterPreflight.CheckAsync(api.Client, "traefik", CancellationToken.None);

        result.Problems.Should().ContainSingle().Which.Should().Be("-IngressClass 'traefik' does not exist on the cluster (it has: kuberaya-nginx): give -IngressClass one of those");
    }

    [Fact]
    public async Task Without_a_default_class_or_with_two_the_preflight_asks_for_one_to_be_named()
    {
        await using var none = await StartAsync(("a", false), ("b", false));
        await using var two = await StartAsync(("a", true), ("b", true));
        await using var empty = await StartAsync();

        (await ClusterPreflight.CheckAsync(none.Client, null, CancellationToken.None)).Problems.Should().ContainSingle().Which.Should().StartWith("no IngressClass is marked as the cluster default").And.Contain("(the cluster has: a, b)");
        (await ClusterPreflight.CheckAsync(two.Client, null, CancellationToken.None)).Problems.Should().ContainSingle().Which.Should().StartWith("2 IngressClasses are marked as the cluster default (a, b)");
        (await ClusterPreflight.CheckAsync(empty.Client, null, CancellationToken.None)).Problems.Should().ContainSingle().Which.Should().StartWith("the cluster has no IngressClass");
    }

    [Fact]
    public async Task A_denied_right_is_one_line_each_and_the_preflight_asks_without_writing_anything()
    {
        await using var server = new ReviewingApiServer(("delete", "secrets"), ("create", "ingresses"));
        using var client = await server.StartAsync();

        var result = await ClusterPreflight.CheckAsync(client, null, CancellationToken.None);

        result.Problems.Should().Equal(
            "the kubeconfig's user may not delete secrets (SelfSubjectAccessReview denied: RBAC: no rule allows it): grant it, e.g. bind a role with delete on secrets",
            "the kubeconfig's user may not create ingresses.networking.k8s.io (SelfSubjectAccessReview denied: RBAC: no rule allows it): grant it, e.g. bind a role with create on ingresses.networking.k8s.io");
        server.Requests.Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)).Should().OnlyContain(r => r == "POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
            .And.HaveCount(ClusterPreflight.Resources.Count * ClusterPreflight.Verbs.Count, "each verb on each resource is asked once");
    }

    [Fact]
    public async Task The_existing_target_refuses_an_unready_cluster_with_every_problem_before_creating_anything()
    {
        await using var api = await StartAsync();
        var configuration = new RunConfiguration { RunId = "kr-test", Target = "existing", Kubeconfig = api.KubeconfigPath, IngressClass = "missing", ReportDirectory = api.WorkDirectory };

        var failure = await FluentActions.Awaiting(() => ExistingSession.InspectAsync(configuration, CancellationToken.None)).Should().ThrowAsync<IncompleteRunException>();

        failure.Which.Message.Should().Contain("is not ready for the suite, and nothing was created:\n  - -IngressClass 'missing' does not exist");
        (await api.Client.CoreV1.ListNamespaceAsync()).Items.Select(n => n.Metadata.Name).Should().NotContain(n => n.StartsWith("kr-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_kubeconfig_or_unknown_context_is_a_usage_error_and_an_unreachable_api_an_incomplete_run()
    {
        await using var api = await StartAsync();
        var unreachable = Path.Combine(api.WorkDirectory, "unreachable");
        await File.WriteAllTextAsync(unreachable, (await File.ReadAllTextAsync(api.KubeconfigPath)).Replace(api.Endpoint.Server.GetLeftPart(UriPartial.Authority), "https://127.0.0.1:1", StringComparison.Ordinal));

        await FluentActions.Awaiting(() => ExistingSession.ConnectAsync(Path.Combine(api.WorkDirectory, "absent"), null, TimeSpan.FromSeconds(5), CancellationToken.None))
            .Should().ThrowAsync<UsageException>().WithMessage("kubeconfig '*absent' does not exist*");
        await FluentActions.Awaiting(() => ExistingSession.ConnectAsync(api.KubeconfigPath, "nope", TimeSpan.FromSeconds(5), CancellationToken.None))
            .Should().ThrowAsync<UsageException>().WithMessage("context 'nope' is not in kubeconfig*(it has: kuberaya-reference)*");
        await FluentActions.Awaiting(() => ExistingSession.ConnectAsync(unreachable, null, TimeSpan.FromSeconds(5), CancellationToken.None))
            .Should().ThrowAsync<IncompleteRunException>().WithMessage("the API server at https://127.0.0.1:1* did not answer*");
    }

    private static Task<ScratchApi> StartAsync(params (string Name, bool Default)[] classes) => ScratchApi.StartAsync(classes);
}
