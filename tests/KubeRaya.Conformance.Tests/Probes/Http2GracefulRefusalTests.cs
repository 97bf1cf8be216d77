using FluentAssertions;
using KubeRaya.Conformance.Probes;
using KubeRaya.Conformance.Tests.Probes.Servers;
using Xunit;

namespace KubeRaya.Conformance.Tests.Probes;

/// <summary>What counts as a request refused gracefully before processing (RFC 9113 section 6.8), frame by frame.</summary>
public sealed class Http2GracefulRefusalTests
{
    [Fact]
    public void Settings_then_a_goaway_with_no_error_and_last_stream_0_is_a_graceful_refusal_of_stream_1()
    {
        var bytes = Http2Wire.Settings().Concat(Http2Wire.WindowUpdate()).Concat(Http2Wire.GoAway(lastStream: 0, error: 0)).ToArray();

        Http2GracefulRefusal.Describe(bytes).Should().Be("the server sent HTTP/2 GOAWAY (NO_ERROR, last stream 0) before processing the request on stream 1");
    }

    [Theory]
    [InlineData(0u, 1, "the last stream names the request: it was taken in")]
    [InlineData(1u, 0, "PROTOCOL_ERROR is an error, not a drain")]
    [InlineData(2u, 0, "INTERNAL_ERROR is an error, not a drain")]
    public void A_goaway_that_took_the_request_or_carries_an_error_is_not_a_graceful_refusal(uint error, int lastStream, string because)
    {
        var bytes = Http2Wire.Settings().Concat(Http2Wire.GoAway(lastStream, error)).ToArray();

        Http2GracefulRefusal.Describe(bytes).Should().BeNull(because);
    }

    [Fact]
    public void A_goaway_after_the_response_headers_of_the_request_is_not_a_refusal()
    {
        var bytes = Http2Wire.Settings().Concat(Http2Wire.Headers(stream: 1, endStream: true)).Concat(Http2Wire.GoAway(0, 0)).ToArray();

        Http2GracefulRefusal.Describe(bytes).Should().BeNull();
    }

    [Fact]
    public void Nothing_a_plain_close_or_a_cut_off_goaway_is_not_a_refusal()
    {
        var goAway = Http2Wire.GoAway(0, 0);

        Http2GracefulRefusal.Describe([]).Should().BeNull();
        Http2GracefulRefusal.Describe(Http2Wire.Settings()).Should().BeNull();
        Http2GracefulRefusal.Describe(goAway.AsSpan(0, goAway.Length - 1)).Should().BeNull();
    }
}
