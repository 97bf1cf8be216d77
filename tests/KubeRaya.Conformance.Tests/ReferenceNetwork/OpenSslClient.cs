using System.Diagnostics;
using System.Net;

namespace KubeRaya.Conformance.Tests.ReferenceNetwork;

/// <summary>
/// Handshakes with the system's openssl s_client, which (at @SECLEVEL=0) can still offer TLS 1.0 and weak suites
/// that .NET's SslStream will not: used to show that a fault opens them and that the default platform refuses them.
/// </summary>
internal static class OpenSslClient
{
    /// <summary>True when a handshake completed; the output says with what.</summary>
    public static async Task<(bool Completed, string Output)> HandshakeAsync(IPEndPoint endpoint, string? serverName, CancellationToken cancellationToken, params string[] options)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["s_client", "-connect", endpoint.ToString(), .. (serverName is null ? new[] { "-noservername" } : new[] { "-servername", serverName }), .. options])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(10));
        var output = await process.StandardOutput.ReadToEndAsync(bound.Token);
        var error = await process.StandardError.ReadToEndAsync(bound.Token);
        await process.WaitForExitAsync(bound.Token);
        var completed = process.ExitCode == 0 && output.Contains("Cipher is ", StringComparison.Ordinal) && !output.Contains("Cipher is (NONE)", StringComparison.Ordinal);
        return (completed, output + error);
    }
}
