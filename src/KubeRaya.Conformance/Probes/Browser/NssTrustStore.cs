using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Probes.Browser;

/// <summary>
/// A throw-away home directory holding an NSS certificate database (<c>~/.pki/nssdb</c>) in which the
/// given CA certificates, and nothing else, are marked trusted for TLS servers. Chromium on Linux reads
/// locally added trust from there, so pointing its <c>HOME</c> here makes it trust the run's CA without
/// ignoring certificate errors and without changing anything else on the machine. Deleted on dispose.
/// </summary>
public sealed class NssTrustStore : IDisposable
{
    /// <summary>Where Debian's libnss3-tools installs certutil.</summary>
    public const string DefaultCertutilPath = "/usr/bin/certutil";

    private NssTrustStore(string home) => HomeDirectory = home;

    /// <summary>The temporary home directory to hand to the browser as <c>HOME</c>.</summary>
    public string HomeDirectory { get; }

    /// <summary>The NSS database directory inside <see cref="HomeDirectory"/>.</summary>
    public string DatabaseDirectory => Path.Combine(HomeDirectory, ".pki", "nssdb");

    /// <summary>Creates the database and adds each CA as trusted for TLS servers ("C,,").</summary>
    /// <exception cref="InvalidOperationException">certutil is missing or failed.</exception>
    public static async Task<NssTrustStore> CreateAsync(
        IReadOnlyList<X509Certificate2> trustedCas, NamedTimeout timeout, CancellationToken cancellationToken, string certutilPath = DefaultCertutilPath)
    {
        ArgumentNullException.ThrowIfNull(trustedCas);
        ArgumentNullException.ThrowIfNull(timeout);
        if (!File.Exists(certutilPath))
            throw new InvalidOperationException($"certutil was not found at {certutilPath}; install Debian's libnss3-tools");

        var store = new NssTrustStore(Directory.CreateTempSubdirectory("kr-browser-home-").FullName);
        try
        {
            Directory.CreateDirectory(store.DatabaseDirectory);
            var database = "sql:" + store.DatabaseDirectory;
            await RunAsync(certutilPath, ["-N", "-d", database, "--empty-password"], timeout, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < trustedCas.Count; i++)
            {
                var pemPath = Path.Combine(store.HomeDirectory, $"run-ca-{i}.pem");
                await File.WriteAllTextAsync(pemPath, trustedCas[i].ExportCertificatePem(), cancellationToken).ConfigureAwait(false);
                await RunAsync(certutilPath, ["-A", "-d", database, "-n", $"kuberaya-run-ca-{i}", "-t", "C,,", "-i", pemPath], timeout, cancellationToken).ConfigureAwait(false);
                File.Delete(pemPath);
            }
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the temporary home and its database; safe to call twice.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(HomeDirectory)) Directory.Delete(HomeDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open is left in the temp folder, not elsewhere.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout.Value);
        var output = process.StandardOutput.ReadToEndAsync(bound.Token);
        var error = process.StandardError.ReadToEndAsync(bound.Token);
        try
        {
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish within the {timeout}");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()} {(await output.ConfigureAwait(false)).Trim()}");
    }
}
