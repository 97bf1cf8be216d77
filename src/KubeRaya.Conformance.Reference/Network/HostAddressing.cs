using System.Text.Json;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>Reads the IPv4 addresses and routes the host already uses (from <c>ip -j</c>), so new ones can avoid them.</summary>
internal static class HostAddressing
{
    /// <summary>Every local address (as /32 and as its interface prefix) and every route destination in every table.</summary>
    public static async Task<IReadOnlyList<Ipv4Prefix>> InUseAsync(NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var addresses = (await HostCommand.IpAsync(timeout, cancellationToken, "-4", "-j", "addr", "show").ConfigureAwait(false)).EnsureSuccess();
        var routes = (await HostCommand.IpAsync(timeout, cancellationToken, "-4", "-j", "route", "show", "table", "all").ConfigureAwait(false)).EnsureSuccess();
        return [.. FromAddresses(addresses.Output), .. FromRoutes(routes.Output)];
    }

    /// <summary>Parses the output of <c>ip -4 -j addr show</c>.</summary>
    internal static IEnumerable<Ipv4Prefix> FromAddresses(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var link in document.RootElement.EnumerateArray())
        {
            if (!link.TryGetProperty("addr_info", out var infos)) continue;
            foreach (var info in infos.EnumerateArray())
            {
                if (!info.TryGetProperty("local", out var local) || !info.TryGetProperty("prefixlen", out var length)) continue;
                var address = Ipv4Prefix.Parse(local.GetString()!);
                yield return address;
                yield return Ipv4Prefix.Of(address.Network, length.GetInt32());
            }
        }
    }

    /// <summary>Parses the output of <c>ip -4 -j route show table all</c>; "default" routes are skipped.</summary>
    internal static IEnumerable<Ipv4Prefix> FromRoutes(string json)
    {
        using var document = JsonDocument.Parse(json);
        var prefixes = new List<Ipv4Prefix>();
        foreach (var route in document.RootElement.EnumerateArray())
        {
            if (!route.TryGetProperty("dst", out var destination)) continue;
            var text = destination.GetString();
            if (string.IsNullOrEmpty(text) || text == "default") continue;
            prefixes.Add(Ipv4Prefix.Parse(text));
        }

        return prefixes;
    }
}
