using System.Net.Sockets;
using System.Text;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>
/// Reads the server's first records after a raw ClientHello, within bounds, and says what they were: a ServerHello,
/// an alert, a closed connection, silence, or bytes that are not a TLS answer. At most <see cref="MaxRecords"/> records
/// of at most 16384 bytes each (RFC 8446 §5.1) are read; anything larger is not trusted, only described.
/// </summary>
public static class ServerAnswerReader
{
    /// <summary>How many records are read looking for the answer (warning alerts and a fragmented ServerHello take several).</summary>
    public const int MaxRecords = 4;

    /// <summary>Reads the answer from <paramref name="stream"/>, waiting at most <paramref name="timeout"/> in all.</summary>
    public static async Task<ServerAnswer> ReadAsync(Stream stream, NamedTimeout timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(timeout);
        var exchange = new Exchange(stream);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout.Value);
        try
        {
            return await exchange.ReadAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return exchange.Stalled(ServerAnswerKind.NoAnswer, $"nothing more came within the {timeout}");
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return exchange.Stalled(ServerAnswerKind.Closed, $"the connection was reset or broke ({Reason(e)})");
        }
    }

    private static string Reason(Exception e) => e switch
    {
        SocketException socket => socket.SocketErrorCode.ToString(),
        { InnerException: SocketException socket } => socket.SocketErrorCode.ToString(),
        _ => e.Message,
    };

    /// <summary>The state of one read: every byte received, and the handshake bytes assembled so far.</summary>
    private sealed class Exchange(Stream stream)
    {
        private const int MaxServerHelloLength = MaxRecords * TlsWire.MaxPlaintextLength - TlsWire.HandshakeHeaderLength;
        private readonly byte[] received = new byte[MaxRecords * (TlsWire.RecordHeaderLength + TlsWire.MaxPlaintextLength)];
        private readonly List<byte> handshake = [];
        private readonly List<TlsAlert> warnings = [];
        private int count;
        private int consumed;
        private TlsVersion? helloRecordVersion;

        public async Task<ServerAnswer> ReadAsync(CancellationToken cancellationToken)
        {
            for (var record = 0; record < MaxRecords; record++)
            {
                var recordStart = consumed;
                if (!await FillAsync(recordStart + TlsWire.RecordHeaderLength, cancellationToken).ConfigureAwait(false))
                    return Stalled(ServerAnswerKind.Closed, "the connection closed");
                var type = received[recordStart];
                var version = TlsVersion.From(received[recordStart + 1], received[recordStart + 2]);
                var length = (received[recordStart + 3] << 8) | received[recordStart + 4];
                if (type is < TlsWire.ContentChangeCipherSpec or > TlsWire.ContentApplicationData || version.Major != 3 || version.Minor > 4)
                    return Answer(ServerAnswerKind.Unintelligible, $"not a TLS record; {Preview()}");
                if (length is 0 or > TlsWire.MaxPlaintextLength)
                    return Answer(ServerAnswerKind.Unintelligible,
                        $"a {TlsWire.ContentTypeName(type)} record claims {length} bytes, outside the 1 to {TlsWire.MaxPlaintextLength} TLS allows; {Preview()}");
                var payloadStart = recordStart + TlsWire.RecordHeaderLength;
                if (!await FillAsync(payloadStart + length, cancellationToken).ConfigureAwait(false))
                    return Stalled(ServerAnswerKind.Closed, "the connection closed");
                consumed = payloadStart + length;
                var payload = received.AsSpan(payloadStart, length);
                var answer = type switch
                {
                    TlsWire.ContentAlert => OnAlert(payload),
                    TlsWire.ContentHandshake => OnHandshake(version, payload),
                    _ => Answer(ServerAnswerKind.Unintelligible, $"a {TlsWire.ContentTypeName(type)} record came before any ServerHello; {Preview()}"),
                };
                if (answer is not null) return answer;
            }

            return Answer(ServerAnswerKind.Unintelligible, $"no complete ServerHello within the first {MaxRecords} records; {Preview()}");
        }

        /// <summary>The answer when the stream ended or went silent: nothing (or only whole warning records) means
        /// <paramref name="kind"/>; a partial record or partial ServerHello means unintelligible.</summary>
        public ServerAnswer Stalled(ServerAnswerKind kind, string how)
        {
            if (count == 0) return Answer(kind, $"no bytes came back; {how}");
            if (count > consumed) return Answer(ServerAnswerKind.Unintelligible, $"{Received()}, then {how} in the middle of a record; {Preview()}");
            if (handshake.Count > 0) return Answer(ServerAnswerKind.Unintelligible, $"{Received()}, then {how} in the middle of a ServerHello; {Preview()}");
            return Answer(kind, $"{Received()}, then {how}");
        }

        private ServerAnswer? OnAlert(ReadOnlySpan<byte> payload)
        {
            if (payload.Length < 2) return Answer(ServerAnswerKind.Unintelligible, $"an alert record of {payload.Length} byte, shorter than an alert; {Preview()}");
            var alert = new TlsAlert(payload[0], payload[1]);
            if (!alert.EndsHandshake)
            {
                warnings.Add(alert);
                return null;
            }

            return Answer(ServerAnswerKind.Alert, $"a {alert} (level {alert.Level}, description {alert.Description})") with { Alert = alert };
        }

        private ServerAnswer? OnHandshake(TlsVersion recordVersion, ReadOnlySpan<byte> payload)
        {
            helloRecordVersion ??= recordVersion;
            foreach (var b in payload) handshake.Add(b);
            if (handshake.Count < TlsWire.HandshakeHeaderLength) return null;
            var messageType = handshake[0];
            if (messageType != TlsWire.HandshakeServerHello)
                return Answer(ServerAnswerKind.Unintelligible, $"the first handshake message is {TlsWire.HandshakeTypeName(messageType)}, not server_hello; {Preview()}");
            var length = (handshake[1] << 16) | (handshake[2] << 8) | handshake[3];
            if (length > MaxServerHelloLength)
                return Answer(ServerAnswerKind.Unintelligible, $"a ServerHello that claims {length} bytes, more than the {MaxServerHelloLength} read at most; {Preview()}");
            if (handshake.Count < TlsWire.HandshakeHeaderLength + length) return null;
            var body = handshake.GetRange(TlsWire.HandshakeHeaderLength, length).ToArray();
            if (!ServerHello.TryParse(helloRecordVersion.Value, body, out var hello, out var problem))
                return Answer(ServerAnswerKind.Unintelligible, $"a malformed ServerHello ({problem}); {Preview()}");
            return Answer(ServerAnswerKind.ServerHello,
                $"a ServerHello for {hello.Version} with {hello.CipherSuiteName} in a {hello.RecordVersion} record") with { Hello = hello };
        }

        private ServerAnswer Answer(ServerAnswerKind kind, string detail) => new()
        {
            Kind = kind,
            Warnings = [.. warnings],
            BytesReceived = count,
            Detail = warnings.Count == 0 ? detail : $"{detail} (after {string.Join(", ", warnings)})",
        };

        private string Received() => count == 1 ? "1 byte came back" : $"{count} bytes came back";

        /// <summary>The first bytes in hex, and as text when they look like text (e.g. an HTTP answer).</summary>
        private string Preview()
        {
            var shown = received.AsSpan(0, Math.Min(count, 24));
            var hex = Convert.ToHexString(shown).ToLowerInvariant();
            var spaced = string.Join(' ', Enumerable.Range(0, shown.Length).Select(i => hex.Substring(i * 2, 2)));
            var text = received.AsSpan(0, Math.Min(count, 64));
            var printable = 0;
            foreach (var b in text) if (b is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' or (byte)'\t') printable++;
            var asText = text.Length > 0 && printable * 10 >= text.Length * 9
                ? $" = \"{Encoding.ASCII.GetString(text).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\""
                : "";
            return $"first bytes {spaced}{(count > shown.Length ? " …" : "")}{asText}";
        }

        /// <summary>Reads until <paramref name="target"/> bytes are in hand; false when the stream ends first.</summary>
        private async Task<bool> FillAsync(int target, CancellationToken cancellationToken)
        {
            while (count < target)
            {
                var read = await stream.ReadAsync(received.AsMemory(count, received.Length - count), cancellationToken).ConfigureAwait(false);
                if (read == 0) return false;
                count += read;
            }

            return true;
        }
    }
}
