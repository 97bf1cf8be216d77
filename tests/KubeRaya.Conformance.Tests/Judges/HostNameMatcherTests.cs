using FluentAssertions;
using KubeRaya.Conformance.Judges;
using Xunit;

namespace KubeRaya.Conformance.Tests.Judges;

public class HostNameMatcherTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        // exact names
        { "a.example.com", "a.example.com", true },
        { "A.Example.COM", "a.example.com", true },
        { "a.example.com", "A.EXAMPLE.com", true },
        { "a.example.com.", "a.example.com", true },
        { "a.example.com", "a.example.com.", true },
        { "a.example.com.", "a.example.com.", true },
        { "a.example.com", "b.example.com", false },
        { "a.example.com", "example.com", false },
        { "example.com", "a.example.com", false },
        { "a.example.com", "a.example.co", false },
        { "a.example.com..", "a.example.com", false },
        { "a..example.com", "a..example.com", false },
        { ".a.example.com", ".a.example.com", false },
        { "", "a.example.com", false },
        { "a.example.com", "", false },
        { " a.example.com", "a.example.com", false },
        { "a.example.com", "a.example.com ", false },
        // wildcards: exactly one complete left-most label
        { "a.example.com", "*.example.com", true },
        { "A.EXAMPLE.COM", "*.Example.Com", true },
        { "a.example.com.", "*.example.com", true },
        { "xn--bcher-kva.example.com", "*.example.com", true },
        { "example.com", "*.example.com", false },
        { "a.b.example.com", "*.example.com", false },
        { ".example.com", "*.example.com", false },
        { "foo.example.com", "f*.example.com", false },
        { "foo.example.com", "*o.example.com", false },
        { "foo.example.com", "f*o.example.com", false },
        { "a.b.example.com", "a.*.example.com", false },
        { "a.example.com", "*.*.com", false },
        { "a.example.com", "**.example.com", false },
        { "example.com", "*.com", false },
        { "com", "*", false },
        { "a.example.com", "*", false },
        { "*.example.com", "*.example.com", false },
        { "*.example.com", "a.example.com", false },
        // IDNA: A-labels compared as given, never converted
        { "xn--bcher-kva.example", "xn--bcher-kva.example", true },
        { "XN--BCHER-KVA.example", "xn--bcher-kva.example", true },
        { "bücher.example", "xn--bcher-kva.example", false },
        { "xn--bcher-kva.example", "bücher.example", false },
        { "foo.example.com", "xn--*.example.com", false },
        // IP literals are never named by DNS SANs
        { "127.0.0.1", "127.0.0.1", false },
        { "10.0.0.1", "*.0.0.1", false },
        { "::1", "::1", false },
        { "[::1]", "[::1]", false },
        { "a.example.123", "a.example.123", false },
        { "a.0x7f", "a.0x7f", false },
        // URL-ish junk is not a host
        { "a.example.com:443", "a.example.com", false },
        { "user@a.example.com", "a.example.com", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_DNS_SAN_names_a_host_exactly_per_RFC_6125(string host, string pattern, bool expected) =>
        HostNameMatcher.Matches(host, pattern).Should().Be(expected, "{0} against {1}", host, pattern);

    [Fact]
    public void The_table_holds_at_least_thirty_cases() => Cases.Count.Should().BeGreaterThanOrEqualTo(30);

    [Fact]
    public void A_certificate_names_a_host_through_any_of_its_DNS_SANs()
    {
        var cert = Make.Leaf("b.example.test", "*.example.test");

        HostNameMatcher.Names(cert, "c.example.test").Should().BeTrue();
        HostNameMatcher.MatchingName(cert, "c.example.test").Should().Be("*.example.test");
        HostNameMatcher.MatchingName(cert, "b.example.test").Should().Be("b.example.test");
    }

    [Fact]
    public void The_subject_CN_never_names_a_host()
    {
        var cert = Make.Leaf() with { Subject = "CN=a.example.test", DnsNames = [] };

        HostNameMatcher.Names(cert, "a.example.test").Should().BeFalse();
    }

    [Fact]
    public void An_IP_SAN_never_names_a_host_even_an_IP_literal()
    {
        var cert = Make.Leaf() with { DnsNames = [], IpAddresses = ["127.0.0.1"] };

        HostNameMatcher.Names(cert, "127.0.0.1").Should().BeFalse();
    }

    [Theory]
    [InlineData("A.example.test.", "a.example.test", true)]
    [InlineData("a.example.test", "b.example.test", false)]
    [InlineData(null, "a.example.test", false)]
    [InlineData("*.example.test", "a.example.test", false)]
    public void Same_name_compares_names_without_wildcards(string? first, string second, bool expected) =>
        HostNameMatcher.SameName(first, second).Should().Be(expected);
}
