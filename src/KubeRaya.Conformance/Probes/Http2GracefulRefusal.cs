using System.Buffers.Binary;
using System.Globalization;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Reads the first HTTP/2 frames a server sent on a connection and tells whether it refused the probe's request
/// gracefully before processing it: a GOAWAY with error code NO_ERROR whose last stream identifier is below the
/// request's stream, and no response HEADERS for that stream before it. RFC 9113 section 6.8 says such a request
/// was not processed and can be sent again on a new connection, and every HTTP/2 client does so without showing the
/// user anything; it is how a server drains a connection (nginx does it to idle connections on a reload). Anything
/// else (a GOAWAY with an error code, a reset, a plain close, an HTTP/1.1 connection closed without an answer) is not
/// such a refusal.
/// </summary>
internal static class Http2GracefulRefusal
{
    private const int FrameHeaderLength = 9;
    private const byte HeadersFrame = 0x1;
    private const byte GoAwayFrame = 0x7;

    /// <summary>The stream a client's first request uses.</summary>
    public const int FirstRequestStream = 1;

    /// <summary>A sentence describing the refusal, or null when the bytes do not show one.</summary>
    /// <param name="serverBytes">What the server sent after the TLS handshake, decrypted, from its first byte.</param>
    /// <param name="requestStream">The stream the request was sent on.</param>
    public static string? Describe(ReadOnlySpan<byte> serverBytes, int requestStream = FirstRequestStream)
    {
        var offset = 0;
        while (serverBytes.Length - offset >= FrameHeaderLength)
        {
            var header = serverBytes.Slice(offset, FrameHeaderLength);
            var length = (header[0] << 16) | (header[1] << 8) | header[2];
            var type = header[3];
            var stream = (int)(BinaryPrimitives.ReadUInt32BigEndian(header[5..]) & 0x7FFF_FFFF);
            var payloadStart = offset + FrameHeaderLength;
            if (type == HeadersFrame && stream == requestStream) return null;
            if (type == GoAwayFrame && stream == 0 && length >= 8 && serverBytes.Length - payloadStart >= 8)
            {
                var payload = serverBytes.Slice(payloadStart, 8);
                var lastStream = (int)(BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7FFF_FFFF);
                var error = BinaryPrimitives.ReadUInt32BigEndian(payload[4..]);
                if (error != 0 || lastStream >= requestStream) return null;
                return $"the server sent HTTP/2 GOAWAY (NO_ERROR, last stream {lastStream.ToString(CultureInfo.InvariantCulture)}) before processing the request on stream {requestStream.ToString(CultureInfo.InvariantCulture)}";
            }

            offset = payloadStart + length;
        }

        return null;
    }
}
