namespace KubeRaya.Conformance.Probes.RawTls;

/// <summary>One TLS alert as it came off the wire (RFC 5246 §7.2, RFC 8446 §6, RFC 6101 §5.4.2).</summary>
/// <param name="Level">1 = warning, 2 = fatal.</param>
/// <param name="Description">The alert code, e.g. 70 for protocol_version.</param>
public sealed record TlsAlert(byte Level, byte Description)
{
    /// <summary>Alert level warning.</summary>
    public const byte Warning = 1;

    /// <summary>Alert level fatal.</summary>
    public const byte Fatal = 2;

    /// <summary>close_notify.</summary>
    public const byte CloseNotify = 0;

    /// <summary>"warning", "fatal", or "level N".</summary>
    public string LevelName => Level switch
    {
        Warning => "warning",
        Fatal => "fatal",
        _ => $"level {Level}",
    };

    /// <summary>The registry name of the description, e.g. "protocol_version", or "alert_N" when unknown.</summary>
    public string DescriptionName => Description switch
    {
        0 => "close_notify",
        10 => "unexpected_message",
        20 => "bad_record_mac",
        21 => "decryption_failed",
        22 => "record_overflow",
        30 => "decompression_failure",
        40 => "handshake_failure",
        41 => "no_certificate",
        42 => "bad_certificate",
        43 => "unsupported_certificate",
        44 => "certificate_revoked",
        45 => "certificate_expired",
        46 => "certificate_unknown",
        47 => "illegal_parameter",
        48 => "unknown_ca",
        49 => "access_denied",
        50 => "decode_error",
        51 => "decrypt_error",
        60 => "export_restriction",
        70 => "protocol_version",
        71 => "insufficient_security",
        80 => "internal_error",
        86 => "inappropriate_fallback",
        90 => "user_canceled",
        100 => "no_renegotiation",
        109 => "missing_extension",
        110 => "unsupported_extension",
        111 => "certificate_unobtainable",
        112 => "unrecognized_name",
        113 => "bad_certificate_status_response",
        114 => "bad_certificate_hash_value",
        115 => "unknown_psk_identity",
        116 => "certificate_required",
        120 => "no_application_protocol",
        _ => $"alert_{Description}",
    };

    /// <summary>True when the alert ends the handshake: fatal, or a close_notify at any level.</summary>
    public bool EndsHandshake => Level != Warning || Description == CloseNotify;

    /// <inheritdoc />
    public override string ToString() => $"{LevelName} {DescriptionName} alert";
}
