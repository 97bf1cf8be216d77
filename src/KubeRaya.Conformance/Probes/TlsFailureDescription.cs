using System.Globalization;
using System.Text;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Puts a failed TLS handshake into one sentence, from what the server actually sent back
/// (nothing, a plaintext alert, bytes that are not TLS) and from the TLS library's own message.
/// </summary>
internal static class TlsFailureDescription
{
    private const byte AlertRecord = 21;

    private static readonly Dictionary<byte, string> AlertNames = new()
    {
        [0] = "close_notify", [10] = "unexpected_message", [20] = "bad_record_mac", [22] = "record_overflow",
        [40] = "handshake_failure", [42] = "bad_certificate", [43] = "unsupported_certificate", [44] = "certificate_revoked",
        [45] = "certificate_expired", [46] = "certificate_unknown", [47] = "illegal_parameter", [48] = "unknown_ca",
        [49] = "access_denied", [50] = "decode_error", [51] = "decrypt_error", [70] = "protocol_version",
        [71] = "insufficient_security", [80] = "internal_error", [86] = "inappropriate_fallback", [90] = "user_canceled",
        [109] = "missing_extension", [110] = "unsupported_extension", [112] = "unrecognized_name",
        [113] = "bad_certificate_status_response", [115] = "unknown_psk_identity", [116] = "certificate_required",
        [120] = "no_application_protocol",
    };

    /// <summary>Describes why the handshake with <paramref name="target"/> failed.</summary>
    public static string Describe(Exception error, InboundRecordingStream inbound, string target)
    {
        var first = inbound.FirstBytes;
        if (first.IsEmpty)
        {
            return inbound.EndOfStreamSeen
                ? $"The server on {target} closed the connection without answering the TLS ClientHello."
                : $"The TLS handshake with {target} failed before the server sent anything: {ExceptionText.Messages(error)}.";
        }

        if (!LooksLikeTlsRecord(first)) return NotTls(first, target);
        if (first[0] == AlertRecord && first.Length >= 7)
        {
            var level = first[5] == 2 ? "fatal" : "warning";
            return $"The server on {target} refused the TLS handshake with a {level} alert {AlertName(first[6])} ({first[6]}).";
        }

        return $"The TLS handshake with {target} failed: {ExceptionText.Messages(error)}.";
    }

    /// <summary>Describes a handshake that did not finish within <paramref name="timeout"/>: a silent server,
    /// or one whose answer was not TLS.</summary>
    public static string DescribeTimeout(InboundRecordingStream inbound, string target, Polling.NamedTimeout timeout)
    {
        var first = inbound.FirstBytes;
        if (!first.IsEmpty && !LooksLikeTlsRecord(first)) return NotTls(first, target);
        return first.IsEmpty
            ? $"The server on {target} accepted the TCP connection but sent no TLS answer within the {timeout}."
            : $"The TLS handshake with {target} started but did not complete within the {timeout}.";
    }

    private static string AlertName(byte code) => AlertNames.TryGetValue(code, out var name) ? name : "unknown";

    // A TLS record starts with a content type 20-23 and protocol major version 3.
    private static bool LooksLikeTlsRecord(ReadOnlySpan<byte> first) =>
        first[0] is >= 20 and <= 23 && (first.Length < 2 || first[1] == 3);

    private static string NotTls(ReadOnlySpan<byte> first, string target)
    {
        var printable = true;
        foreach (var b in first) printable &= b is >= 0x20 and < 0x7f or (byte)'\r' or (byte)'\n' or (byte)'\t';
        if (!printable)
        {
            var hex = Convert.ToHexString(first[..Math.Min(first.Length, 8)]);
            return $"The server on {target} does not speak TLS: its first bytes (0x{hex}) are not a TLS record.";
        }

        var text = Encoding.ASCII.GetString(first);
        var line = text.Split('\n')[0].TrimEnd('\r');
        if (line.Length > 80) line = line[..80] + "…";
        var what = text.StartsWith("HTTP/", StringComparison.Ordinal) ? "it answered in plain HTTP" : "it answered in plain text";
        return string.Create(CultureInfo.InvariantCulture, $"The server on {target} does not speak TLS: {what} (\"{line}\").");
    }
}
