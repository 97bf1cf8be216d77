using FluentAssertions;
using KubeRaya.Conformance.Probes;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

public sealed class RandomNamesTests
{
    [Fact]
    public void A_random_request_path_is_a_kr_label_a_word_and_a_query_pair_and_differs_every_time()
    {
        var paths = Enumerable.Range(0, 200).Select(_ => RandomRequestPaths.Next()).ToList();

        paths.Should().OnlyContain(p => System.Text.RegularExpressions.Regex.IsMatch(p, "^/kr-[a-z]{3,}-[a-z0-9]{6}/[a-z]{3,}\\?[a-z]{3,}=[a-z]{3,}$"));
        paths.Should().OnlyHaveUniqueItems();
        RandomRequestPaths.NextPath().Should().MatchRegex("^/kr-[a-z]{3,}-[a-z0-9]{6}/[a-z]{3,}$");
    }

    [Fact]
    public void A_sibling_host_sits_in_the_routed_host_s_domain_under_a_random_label()
    {
        var sibling = RandomHostNames.SiblingOf("app.example.test");

        sibling.Should().MatchRegex("^kr-[a-z]{3,}-[a-z0-9]{6}\\.example\\.test$");
        RandomHostNames.SiblingOf("app.example.test").Should().NotBe(sibling);
    }

    [Theory]
    [InlineData("app.example.test", "example.test")]
    [InlineData("*.example.test", "example.test")]
    [InlineData("a.b.c.test.", "b.c.test")]
    [InlineData("localhost", "localhost")]
    public void The_parent_of_a_host_drops_its_first_label(string host, string parent) =>
        RandomHostNames.ParentOf(host).Should().Be(parent);

    [Fact]
    public void A_name_under_invalid_is_a_random_label_in_the_reserved_TLD() =>
        RandomHostNames.UnderInvalid().Should().MatchRegex("^kr-[a-z]{3,}-[a-z0-9]{6}\\.invalid$");

    [Fact]
    public void Names_are_safe_to_make_from_many_threads_at_once()
    {
        var names = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 2000, _ => names.Add(RandomHostNames.UnderInvalid()));

        names.Should().HaveCount(2000).And.OnlyHaveUniqueItems();
    }
}
