using System.Buffers.Binary;

namespace KubeRaya.Conformance.Tests.Probes.Servers;

/// <summary>HTTP/2 frames a test server writes by hand (RFC 9113 section 4.1): just enough to answer or refuse one request.</summary>
internal static class Http2Wire
{
    /// <summary>The client connection preface.</summary>
    public const int PrefaceLength = 24;

    /// <summary>An empty SETTINGS frame (the server's preface).</summary>
    public static byte[] Settings() => Frame(0x4, 0, 0, []);

    /// <summary>A SETTINGS acknowledgement.</summary>
    public static byte[] SettingsAck() => Frame(0x4, 0x1, 0, []);

    /// <summary>A connection-level WINDOW_UPDATE, as nginx sends after its SETTINGS.</summary>
    public static byte[] WindowUpdate()
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, 0x7FFF);
        return Frame(0x8, 0, 0, payload);
    }

    /// <summary>A GOAWAY with the last stream processed and an error code (0 is NO_ERROR).</summary>
    public static byte[] GoAway(int lastStream, uint error)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)lastStream);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), error);
        return Frame(0x7, 0, 0, payload);
    }

    /// <summary>Response HEADERS ":status 200" (HPACK static index 8) on a stream.</summary>
    public static byte[] Headers(int stream, bool endStream) => Frame(0x1, (byte)(0x4 | (endStream ? 0x1 : 0)), stream, [0x88]);

    /// <summary>Reads the client's frames until a HEADERS frame arrives (after the preface); false when the client closed first.</summary>
    public static async Task<bool> ReadUntilRequestHeadersAsync(Stream stream, CancellationToken stop)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            var offset = PrefaceLength;
            while (buffer.Count - offset >= 9)
            {
                var length = (buffer[offset] << 16) | (buffer[offset + 1] << 8) | buffer[offset + 2];
                if (buffer[offset + 3] == 0x1) return true;
                offset += 9 + length;
            }

            var read = await stream.ReadAsync(chunk, stop);
            if (read == 0) return false;
            buffer.AddRange(chunk.AsSpan(0, read));
        }
    }

    private static byte[] Frame(byte type, byte flags, int stream, byte[] payload)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(5), (uint)stream);
        payload.CopyTo(frame, 9);
        return frame;
    }
}
