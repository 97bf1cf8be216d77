using System.Diagnostics;

namespace KubeRaya.Conformance.Tests.RawTls;

/// <summary>Runs the system <c>openssl</c> command with empty standard input, bounded in time, for cross-checks.</summary>
internal static class OpenSslCli
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Standard output and error, together.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        process.StandardInput.Close();
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(bound.Token);
            var error = process.StandardError.ReadToEndAsync(bound.Token);
            await process.WaitForExitAsync(bound.Token);
            return await output + await error;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The IANA name of an OpenSSL cipher name, e.g. ECDHE-RSA-AES256-SHA → TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA.</summary>
    public static async Task<string> StandardNameAsync(string openSslName)
    {
        var listing = await RunAsync("ciphers", "-stdname", openSslName);
        return listing.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Single(parts => parts.Length > 2 && parts[1] == "-" && parts[2] == openSslName)[0];
    }
}
