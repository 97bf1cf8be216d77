namespace KubeRaya.Conformance.Tests.RawTls;

/// <summary>Hand-made server records for reader tests: what a server would put on the wire, byte by byte.</summary>
internal static class ServerRecords
{
    public static byte[] Record(byte contentType, ushort version, byte[] payload) =>
        [contentType, (byte)(version >> 8), (byte)version, (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    public static byte[] Alert(byte level, byte description, ushort version = 0x0303) => Record(21, version, [level, description]);

    /// <summary>A ServerHello handshake message (header included) with a 32-byte session id.</summary>
    public static byte[] ServerHelloMessage(ushort version, ushort suite, byte[]? extensions = null, byte sessionIdLength = 32)
    {
        byte[] body =
        [
            (byte)(version >> 8), (byte)version,
            .. Enumerable.Repeat((byte)0x5A, 32),
            sessionIdLength, .. Enumerable.Repeat((byte)0x33, Math.Min((int)sessionIdLength, 32)),
            (byte)(suite >> 8), (byte)suite,
            0,
            .. extensions is null ? [] : (byte[])[(byte)(extensions.Length >> 8), (byte)extensions.Length, .. extensions],
        ];
        return [2, 0, (byte)(body.Length >> 8), (byte)body.Length, .. body];
    }

    public static byte[] ServerHello(ushort version, ushort suite, byte[]? extensions = null) =>
        Record(22, version, ServerHelloMessage(version, suite, extensions));

    /// <summary>The supported_versions extension selecting one version (TLS 1.3 ServerHello).</summary>
    public static byte[] SupportedVersions(ushort version) => [0, 43, 0, 2, (byte)(version >> 8), (byte)version];
}
