using System.Net;
using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Tests.ReferenceApi;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>The reference API server answers SelfSubjectAccessReviews, which the existing target's preflight asks.</summary>
public sealed class AccessReviewTests(ReferenceApiFixture api) : IClassFixture<ReferenceApiFixture>
{
    [Fact]
    public async Task The_servers_token_is_allowed_what_it_asks_and_the_review_is_not_stored()
    {
        var review = await api.Client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "delete", Group = "apps", Resource = "deployments" } },
        });

        review.Status.Allowed.Should().BeTrue();
        review.Spec.ResourceAttributes.Resource.Should().Be("deployments", "the review comes back with the question it answers");
        var (code, _) = await api.SendRawAsync(HttpMethod.Get, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
        code.Should().NotBe(HttpStatusCode.OK, "reviews are answered, never listed");
    }

    [Fact]
    public async Task Discovery_lists_selfsubjectaccessreviews_as_create_only()
    {
        var (groupsCode, groups) = await api.SendRawAsync(HttpMethod.Get, "/apis");
        groupsCode.Should().Be(HttpStatusCode.OK);
        groups!["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).Should().Contain("authorization.k8s.io");

        var (code, list) = await api.SendRawAsync(HttpMethod.Get, "/apis/authorization.k8s.io/v1");

        code.Should().Be(HttpStatusCode.OK);
        ReferenceApiFixture.ShouldBeJson(list!["resources"], """
            [{"name":"selfsubjectaccessreviews","singularName":"selfsubjectaccessreview","namespaced":false,"kind":"SelfSubjectAccessReview","verbs":["create"]}]
            """);
    }

    [Fact]
    public async Task A_review_without_exactly_one_kind_of_attributes_is_invalid()
    {
        var (code, status) = await api.SendRawAsync(HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            """{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{}}""");

        ((int)code).Should().Be(422);
        status!["message"]!.GetValue<string>().Should().Contain("exactly one of nonResourceAttributes or resourceAttributes");
    }

    [Fact]
    public async Task A_review_without_the_token_is_unauthorized()
    {
        var (code, _) = await api.SendRawAsync(HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            """{"spec":{"resourceAttributes":{"verb":"create","resource":"namespaces"}}}""", token: null);

        code.Should().Be(HttpStatusCode.Unauthorized);
    }
}
