using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using KubeRaya.Conformance.Probes;

namespace KubeRaya.Conformance.Tests.Probes.Servers;

/// <summary>
/// Reads the ClientHello of every connection byte by byte, records whether it carried a server_name
/// extension and which name, then closes the connection. Independent of any TLS library, so it proves
/// what was on the wire.
/// </summary>
internal sealed class ClientHelloRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedHello> _hellos = new();
    private readonly RawTcpServer _server;

    public ClientHelloRecorder() => _server = RawTcpServer.Start(RecordAsync);

    /// <summary>What one ClientHello said.</summary>
    /// <param name="HasServerName">Whether the server_name extension (type 0) was present.</param>
    /// <param name="ServerName">The host_name in it, when present.</param>
    public sealed record RecordedHello(bool HasServerName, string? ServerName)
    {
        /// <summary>Whether it offered to resume a session: a pre_shared_key extension (type 41) or a
        /// non-empty session ticket (type 35).</summary>
        public bool OffersResumption { get; init; }
    }

    public ProbeEndpoint Endpoint => _server.Endpoint;

    public IReadOnlyList<RecordedHello> Hellos => _hellos.ToList();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RecordAsync(Socket socket, CancellationToken stop)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var header = new byte[5];
        await stream.ReadExactlyAsync(header, stop);
        if (header[0] != 0x16) throw new IOException("Not a TLS handshake record.");
        var body = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3))];
        await stream.ReadExactlyAsync(body, stop);
        _hellos.Enqueue(Parse(body));
    }

    private static RecordedHello Parse(byte[] handshake)
    {
        if (handshake[0] != 1) throw new IOException("Not a ClientHello.");
        var at = 4 + 2 + 32;                                                   // header, client_version, random
        at += 1 + handshake[at];                                               // session_id
        at += 2 + BinaryPrimitives.ReadUInt16BigEndian(handshake.AsSpan(at)); // cipher_suites
        at += 1 + handshake[at];                                               // compression_methods
        var end = at + 2 + BinaryPrimitives.ReadUInt16BigEndian(handshake.AsSpan(at));
        at += 2;
        string? serverName = null;
        var resumption = false;
        while (at + 4 <= end)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(handshake.AsSpan(at));
            var length = BinaryPrimitives.ReadUInt16BigEndian(handshake.AsSpan(at + 2));
            if (type == 0)
            {
                // server_name_list length (2), name_type (1) = host_name, host_name length (2), host_name
                var nameLength = BinaryPrimitives.ReadUInt16BigEndian(handshake.AsSpan(at + 4 + 3));
                serverName = Encoding.ASCII.GetString(handshake, at + 4 + 5, nameLength);
            }

            resumption |= type == 41 || (type == 35 && length > 0);
            at += 4 + length;
        }

        return new RecordedHello(serverName is not null, serverName) { OffersResumption = resumption };
    }
}
