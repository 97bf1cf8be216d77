using System.Security.Cryptography;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Targets;

/// <summary>Downloads a pinned controller's manifest or chart from its upstream URL and keeps it only if its SHA-256 is the recorded one.</summary>
public static class ManifestDownload
{
    /// <summary>Downloads <see cref="ControllerPin.Url"/> to <paramref name="path"/> and checks it.</summary>
    /// <exception cref="ClusterConnectionException">Unverified pin (exit 2), download failure or digest mismatch (exit 3); nothing is written then.</exception>
    public static async Task SaveVerifiedAsync(ControllerPin pin, string pinDirectory, string path, NamedTimeout timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(timeout);
        ControllerPins.RequireVerified(pin, pinDirectory);
        byte[] bytes;
        using (var http = new HttpClient { Timeout = timeout.Value })
        {
            try
            {
                bytes = await http.GetByteArrayAsync(new Uri(pin.Url), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new ClusterConnectionException($"could not download {pin.Description} from {pin.Url} within the {timeout} ({e.Message.Split('\n')[0]}): the machine needs access to it", false);
            }
        }
        var digest = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        if (!string.Equals(digest, pin.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ClusterConnectionException($"{pin.Url} has SHA-256 {digest}, but the pin records {pin.Sha256}: the upstream file changed or the download was altered; nothing was installed", false);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }
}
